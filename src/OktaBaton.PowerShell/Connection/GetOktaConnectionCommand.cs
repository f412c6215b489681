using System.Management.Automation;
using OktaBaton.Core;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Connection;

/// <summary>Shows the session's connection: domain, auth method, principal — never the credential.</summary>
[Cmdlet(VerbsCommon.Get, "OktaConnection", HelpUri = HelpLinks.Base + "Get-OktaConnection.md")]
[OutputType(typeof(OktaConnection))]
public sealed class GetOktaConnectionCommand : OktaCmdlet
{
    protected override void EndProcessing()
    {
        if (ConnectionStore.Current is { } connection)
        {
            WriteObject(ConnectionStore.HandOut(connection));
        }
    }
}
