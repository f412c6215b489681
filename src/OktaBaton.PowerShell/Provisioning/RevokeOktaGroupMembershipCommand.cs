using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Removes users from an OKTA_GROUP group; a user who is not a member is AlreadyRevoked, not an error.</summary>
[Cmdlet(VerbsSecurity.Revoke, "OktaGroupMembership", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Base + "Revoke-OktaGroupMembership.md")]
[OutputType(typeof(AccessChange))]
public sealed class RevokeOktaGroupMembershipCommand : OktaGroupMembershipCommand
{
    protected override bool Grants => false;
}
