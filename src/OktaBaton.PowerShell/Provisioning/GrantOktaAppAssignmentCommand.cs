using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Assigns an app to users (scope USER, the login as user name) or to groups; an existing assignment is AlreadyGranted.</summary>
[Cmdlet(VerbsSecurity.Grant, "OktaAppAssignment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = OktaAppAssignmentCommand.UserSet, HelpUri = HelpLinks.Base + "Grant-OktaAppAssignment.md")]
[OutputType(typeof(AccessChange))]
public sealed class GrantOktaAppAssignmentCommand : OktaAppAssignmentCommand
{
    protected override bool Grants => true;
}
