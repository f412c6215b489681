using System.Management.Automation;
using OktaBaton.Core;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Connection;

/// <summary>
/// Closes a connection and releases its credential: the session's, or the one given with -Connection. A closed
/// connection that someone still holds (from -PassThru) fails with OktaNotConnected. Safe to run when not connected.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "Okta", HelpUri = HelpLinks.Base + "Disconnect-Okta.md")]
public sealed class DisconnectOktaCommand : OktaCmdlet
{
    /// <summary>The connection to close (from Connect-Okta -PassThru or Get-OktaConnection); the session's when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public OktaConnection? Connection { get; set; }

    protected override void ProcessRecord()
    {
        if (Connection is not null)
        {
            ConnectionStore.Forget(Connection);
            Close(Connection);
        }
    }

    protected override void EndProcessing()
    {
        if (MyInvocation.BoundParameters.ContainsKey(nameof(Connection)) || MyInvocation.ExpectingInput)
        {
            return;
        }

        if (ConnectionStore.Take() is { } current)
        {
            Close(current);
        }
    }

    private void Close(OktaConnection connection)
    {
        if (connection.IsClosed)
        {
            return;
        }

        connection.Dispose();
        WriteVerbose($"Disconnected from {connection.Domain}.");
    }
}
