using System.Management.Automation;
using OktaBaton.Core;
using OktaBaton.PowerShell.Connection;

namespace OktaBaton.PowerShell.Infrastructure;

/// <summary>A cmdlet that talks to Okta: it uses -Connection, or else the session's connection.</summary>
public abstract class OktaConnectedCmdlet : OktaCmdlet
{
    /// <summary>The connection to use instead of the session's (from Connect-Okta -PassThru).</summary>
    [Parameter]
    [ValidateNotNull]
    public OktaConnection? Connection { get; set; }

    protected OktaConnection ResolveConnection()
    {
        var connection = Connection ?? ConnectionStore.Current;
        if (connection is null)
        {
            ThrowFailure(
                new OktaOperationException("OktaNotConnected", OktaFailureKind.InvalidOperation, "Not connected to Okta. Run Connect-Okta first, or pass -Connection."),
                target: null);
        }

        if (connection!.IsClosed)
        {
            ThrowFailure(
                new OktaOperationException("OktaNotConnected", OktaFailureKind.InvalidOperation,
                    $"The connection to {connection.Domain} was closed by Disconnect-Okta. Run Connect-Okta again (with -PassThru for a connection of your own)."),
                target: connection.Domain);
        }

        return connection;
    }
}
