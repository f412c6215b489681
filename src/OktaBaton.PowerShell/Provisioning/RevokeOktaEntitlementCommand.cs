using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Revokes any provisionable entitlement by its baton id, or a grant by its grant id; takes Get-OktaSyncGrant objects or CSV rows from the pipeline so an access review can be replayed.</summary>
[Cmdlet(VerbsSecurity.Revoke, "OktaEntitlement", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = OktaEntitlementCommand.ByEntitlementSet, HelpUri = HelpLinks.Base + "Revoke-OktaEntitlement.md")]
[OutputType(typeof(AccessChange))]
public sealed class RevokeOktaEntitlementCommand : OktaEntitlementCommand
{
    protected override bool Grants => false;
}
