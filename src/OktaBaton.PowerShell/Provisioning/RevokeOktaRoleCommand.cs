using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Unassigns a standard admin role or a custom role's resource-set binding from a user or a group; nothing to remove is AlreadyRevoked.</summary>
[Cmdlet(VerbsSecurity.Revoke, "OktaRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = OktaRoleCommand.StandardUserSet, HelpUri = HelpLinks.Base + "Revoke-OktaRole.md")]
[OutputType(typeof(AccessChange))]
public sealed class RevokeOktaRoleCommand : OktaRoleCommand
{
    protected override bool Grants => false;
}
