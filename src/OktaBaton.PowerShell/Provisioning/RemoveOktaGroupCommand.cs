using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Deletes OKTA_GROUP groups by their Okta id (app-imported and built-in groups cannot be deleted).</summary>
[Cmdlet(VerbsCommon.Remove, "OktaGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Base + "Remove-OktaGroup.md")]
[OutputType(typeof(GroupChange))]
public sealed class RemoveOktaGroupCommand : ProvisioningCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string GroupId { get; set; } = string.Empty;

    protected override void ProcessRecord() =>
        Provision(GroupId, "Group", (connection, confirm, ct) => new GroupActions(connection.Client).DeleteAsync(GroupId, confirm, ct));
}
