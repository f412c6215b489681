using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Assigns a standard admin role (-RoleType) or a custom role over a resource set (-CustomRoleId -ResourceSetId) to a user or a group.</summary>
[Cmdlet(VerbsSecurity.Grant, "OktaRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = OktaRoleCommand.StandardUserSet, HelpUri = HelpLinks.Base + "Grant-OktaRole.md")]
[OutputType(typeof(AccessChange))]
public sealed class GrantOktaRoleCommand : OktaRoleCommand
{
    protected override bool Grants => true;
}
