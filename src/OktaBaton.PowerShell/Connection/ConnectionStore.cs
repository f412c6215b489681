using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using OktaBaton.Core;

namespace OktaBaton.PowerShell.Connection;

/// <summary>
/// The session's current connection, one per runspace, so parallel runspaces (and parallel tests in
/// one process) never see each other's connection.
/// </summary>
internal static class ConnectionStore
{
    private static readonly ConditionalWeakTable<Runspace, Holder> Connections = new();

    public static OktaConnection? Current =>
        Runspace.DefaultRunspace is { } runspace && Connections.TryGetValue(runspace, out var holder) ? holder.Connection : null;

    /// <summary>Replaces the current connection and returns the one it replaced (the caller disposes it).</summary>
    public static OktaConnection? Replace(OktaConnection? connection)
    {
        var holder = Connections.GetValue(Runspace.DefaultRunspace, _ => new Holder());
        var previous = holder.Connection;
        holder.Connection = connection;
        return previous;
    }

    private sealed class Holder
    {
        public OktaConnection? Connection { get; set; }
    }
}
