using System.Management.Automation;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Connection;

/// <summary>Forgets the session's connection and releases its credential. Safe to run when not connected.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Okta")]
public sealed class DisconnectOktaCommand : OktaCmdlet
{
    protected override void EndProcessing()
    {
        var previous = ConnectionStore.Replace(null);
        if (previous is not null)
        {
            WriteVerbose($"Disconnected from {previous.Domain}.");
            previous.Dispose();
        }
    }
}
