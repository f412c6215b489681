using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Changes an OKTA_GROUP group's name and/or description; sends nothing when they already have those values.</summary>
[Cmdlet(VerbsCommon.Set, "OktaGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Base + "Set-OktaGroup.md")]
[OutputType(typeof(GroupChange))]
public sealed class SetOktaGroupCommand : ProvisioningCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string GroupId { get; set; } = string.Empty;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateLength(1, 255)]
    public string? Name { get; set; }

    /// <summary>The new description; an empty string clears it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? Description { get; set; }

    protected override void ProcessRecord()
    {
        if (Name is null && Description is null)
        {
            WriteFailure(
                new Core.OktaOperationException("OktaInvalidArgument", Core.OktaFailureKind.InvalidArgument, "Give -Name and/or -Description to change."),
                GroupId);
            return;
        }

        Provision(GroupId, "Group", (connection, confirm, ct) =>
            new GroupActions(connection.Client).UpdateAsync(GroupId, Name, Description, confirm, ct));
    }
}
