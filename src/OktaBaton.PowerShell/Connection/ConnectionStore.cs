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
    private static readonly ConditionalWeakTable<OktaConnection, object> HandedOut = new();

    public static OktaConnection? Current =>
        Runspace.DefaultRunspace is { } runspace && Connections.TryGetValue(runspace, out var holder) ? holder.Connection : null;

    /// <summary>
    /// Makes <paramref name="connection"/> the session's connection. The one it replaces is disposed unless the
    /// user holds it (it was returned by -PassThru or Get-OktaConnection): a held connection stays usable.
    /// </summary>
    public static void Replace(OktaConnection? connection)
    {
        var holder = Connections.GetValue(Runspace.DefaultRunspace, _ => new Holder());
        var previous = holder.Connection;
        holder.Connection = connection;
        if (previous is not null && previous != connection && !HandedOut.TryGetValue(previous, out _))
        {
            previous.Dispose();
        }
    }

    /// <summary>Removes the session's connection without disposing it, and returns it.</summary>
    public static OktaConnection? Take()
    {
        var previous = Current;
        if (previous is not null && Connections.TryGetValue(Runspace.DefaultRunspace, out var holder))
        {
            holder.Connection = null;
        }

        return previous;
    }

    /// <summary>Stops using <paramref name="connection"/> as the session's connection, if it is (it is being closed).</summary>
    public static void Forget(OktaConnection connection)
    {
        if (Runspace.DefaultRunspace is { } runspace && Connections.TryGetValue(runspace, out var holder) && holder.Connection == connection)
        {
            holder.Connection = null;
        }
    }

    /// <summary>Notes that the user now holds <paramref name="connection"/>, so replacing it must not dispose it.</summary>
    public static OktaConnection HandOut(OktaConnection connection)
    {
        HandedOut.GetValue(connection, _ => new object());
        return connection;
    }

    private sealed class Holder
    {
        public OktaConnection? Connection { get; set; }
    }
}
