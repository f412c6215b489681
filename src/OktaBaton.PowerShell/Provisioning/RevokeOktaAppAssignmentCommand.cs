using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Unassigns an app from users or groups; an absent assignment is AlreadyRevoked.</summary>
[Cmdlet(VerbsSecurity.Revoke, "OktaAppAssignment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = OktaAppAssignmentCommand.UserSet, HelpUri = HelpLinks.Base + "Revoke-OktaAppAssignment.md")]
[OutputType(typeof(AccessChange))]
public sealed class RevokeOktaAppAssignmentCommand : OktaAppAssignmentCommand
{
    protected override bool Grants => false;
}
