using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Unassigns a standard admin role or a custom role's resource-set binding from a user or a group; nothing to remove is AlreadyRevoked.</summary>
[Cmdlet(VerbsSecurity.Revoke, "OktaRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = StandardUserSet)]
[OutputType(typeof(AccessChange))]
public sealed class RevokeOktaRoleCommand : ProvisioningCmdlet
{
    private const string StandardUserSet = "StandardToUser";
    private const string StandardGroupSet = "StandardToGroup";
    private const string CustomUserSet = "CustomToUser";
    private const string CustomGroupSet = "CustomToGroup";

    /// <summary>A standard admin role type such as SUPER_ADMIN or HELP_DESK_ADMIN.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = StandardUserSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = StandardGroupSet)]
    [Alias("Type")]
    [ValidateNotNullOrEmpty]
    public string RoleType { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = CustomUserSet)]
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = CustomGroupSet)]
    [ValidateNotNullOrEmpty]
    public string CustomRoleId { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = CustomUserSet)]
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = CustomGroupSet)]
    [ValidateNotNullOrEmpty]
    public string ResourceSetId { get; set; } = string.Empty;

    /// <summary>The user's id or login.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = StandardUserSet)]
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = CustomUserSet)]
    [Alias("Login", "User")]
    [ValidateNotNullOrEmpty]
    public string UserId { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = StandardGroupSet)]
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = CustomGroupSet)]
    [ValidateNotNullOrEmpty]
    public string GroupId { get; set; } = string.Empty;

    protected override void ProcessRecord()
    {
        var toGroup = ParameterSetName is StandardGroupSet or CustomGroupSet;
        var custom = ParameterSetName is CustomUserSet or CustomGroupSet;
        var what = custom ? ResourceSetId + "/" + CustomRoleId : RoleType;
        Provision(what + "/" + (toGroup ? "group:" + GroupId : "user:" + UserId), toGroup ? "Group" : "User", (connection, confirm, ct) =>
        {
            var principal = toGroup ? PrincipalReference.Group(GroupId) : PrincipalReference.User(UserId);
            var entitlement = custom ? EntitlementReference.Binding(ResourceSetId, CustomRoleId) : EntitlementReference.Role(RoleType);
            return new EntitlementProvisioning(connection.Client).RevokeAsync(entitlement, principal, confirm, ct);
        });
    }
}
