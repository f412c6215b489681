using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Assigns an app to users (scope USER, the login as user name) or to groups; an existing assignment is AlreadyGranted.</summary>
[Cmdlet(VerbsSecurity.Grant, "OktaAppAssignment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = UserSet)]
[OutputType(typeof(AccessChange))]
public sealed class GrantOktaAppAssignmentCommand : ProvisioningCmdlet
{
    private const string UserSet = "User";
    private const string GroupSet = "Group";

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
        Provision(AppId + "/" + (toGroup ? "group:" + GroupId : "user:" + UserId), "App", (connection, confirm, ct) =>
        {
            var principal = toGroup ? PrincipalReference.Group(GroupId) : PrincipalReference.User(UserId);
            return new EntitlementProvisioning(connection.Client).GrantAsync(EntitlementReference.AppAccess(AppId), principal, confirm, ct);
        });
    }
}
