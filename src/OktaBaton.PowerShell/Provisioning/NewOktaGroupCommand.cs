using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>
/// Creates an Okta group with initial members. A group of that name that exists already comes back as
/// AlreadyExists (its profile untouched) and still gets the members.
/// </summary>
[Cmdlet(VerbsCommon.New, "OktaGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.Base + "New-OktaGroup.md")]
[OutputType(typeof(GroupChange))]
public sealed class NewOktaGroupCommand : ProvisioningCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateLength(1, 255)]
    public string Name { get; set; } = string.Empty;

    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary>Ids or logins of the users to make members.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Members", "MemberId")]
    public string[]? Member { get; set; }

    protected override void ProcessRecord() =>
        Provision(Name, "Group", (connection, confirm, ct) =>
            new GroupActions(connection.Client).CreateAsync(Name, Description, Member, confirm, ct));
}
