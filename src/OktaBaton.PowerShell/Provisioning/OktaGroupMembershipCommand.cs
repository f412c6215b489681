using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>The shared half of the parameters and resolution of Grant-OktaGroupMembership and Revoke-OktaGroupMembership: a group and a user.</summary>
public abstract class OktaGroupMembershipCommand : AccessCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string GroupId { get; set; } = string.Empty;

    /// <summary>The user's id or login.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Login", "User")]
    [ValidateNotNullOrEmpty]
    public string UserId { get; set; } = string.Empty;

    protected override void ProcessRecord() =>
        ChangeAccess(GroupId + "/" + UserId, "Group", () =>
            (EntitlementReference.GroupMember(GroupId), PrincipalReference.User(UserId)));
}
