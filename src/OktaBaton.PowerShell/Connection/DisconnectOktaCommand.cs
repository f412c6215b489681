using System.Management.Automation;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Connection;

/// <summary>
/// Forgets the session's connection and releases its credential, also for anyone holding it from -PassThru.
/// Safe to run when not connected.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "Okta", HelpUri = HelpLinks.Base + "Disconnect-Okta.md")]
public sealed class DisconnectOktaCommand : OktaCmdlet
{
    protected override void EndProcessing()
    {
        var previous = ConnectionStore.Take();
        if (previous is not null)
        {
            WriteVerbose($"Disconnected from {previous.Domain}.");
            previous.Dispose();
        }
    }
}
