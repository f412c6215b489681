using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>The shared half of the parameters and resolution of Grant-OktaAppAssignment and Revoke-OktaAppAssignment: an app and a user or a group.</summary>
public abstract class OktaAppAssignmentCommand : AccessCmdlet
{
    internal const string UserSet = "User";
    internal const string GroupSet = "Group";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string AppId { get; set; } = string.Empty;

    /// <summary>The user's id or login.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = UserSet)]
    [Alias("Login", "User")]
    [ValidateNotNullOrEmpty]
    public string UserId { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = GroupSet)]
    [ValidateNotNullOrEmpty]
    public string GroupId { get; set; } = string.Empty;

    protected override void ProcessRecord()
    {
        var toGroup = ParameterSetName == GroupSet;
        ChangeAccess(AppId + "/" + (toGroup ? "group:" + GroupId : "user:" + UserId), "App", () =>
        {
            var principal = toGroup ? PrincipalReference.Group(GroupId) : PrincipalReference.User(UserId);
            return (EntitlementReference.AppAccess(AppId), principal);
        });
    }
}
