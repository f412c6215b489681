using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Makes users members of an OKTA_GROUP group; a user already a member is AlreadyGranted.</summary>
[Cmdlet(VerbsSecurity.Grant, "OktaGroupMembership", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Base + "Grant-OktaGroupMembership.md")]
[OutputType(typeof(AccessChange))]
public sealed class GrantOktaGroupMembershipCommand : OktaGroupMembershipCommand
{
    protected override bool Grants => true;
}
