using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Grants any provisionable entitlement by its baton id (group:…:member, app:…:access, role:…:assigned, resourceset-binding:…:member) to a user or group; takes Get-OktaSyncGrant objects or CSV rows from the pipeline.</summary>
[Cmdlet(VerbsSecurity.Grant, "OktaEntitlement", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = OktaEntitlementCommand.ByEntitlementSet, HelpUri = HelpLinks.Base + "Grant-OktaEntitlement.md")]
[OutputType(typeof(AccessChange))]
public sealed class GrantOktaEntitlementCommand : OktaEntitlementCommand
{
    protected override bool Grants => true;
}
