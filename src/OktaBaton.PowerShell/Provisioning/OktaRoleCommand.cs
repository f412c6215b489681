using System.Management.Automation;
using OktaBaton.Core.Provisioning;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>The shared half of the parameters and resolution of Grant-OktaRole and Revoke-OktaRole: a standard role type, or a custom role over a resource set, for a user or a group.</summary>
public abstract class OktaRoleCommand : AccessCmdlet
{
    internal const string StandardUserSet = "StandardToUser";
    internal const string StandardGroupSet = "StandardToGroup";
    internal const string CustomUserSet = "CustomToUser";
    internal const string CustomGroupSet = "CustomToGroup";

    /// <summary>A standard admin role type such as SUPER_ADMIN or HELP_DESK_ADMIN.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = StandardUserSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = StandardGroupSet)]
    [Alias("Type")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AdminRoleTypeCompleter))]
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

    /// <summary>Groups a USER_ADMIN, HELP_DESK_ADMIN or GROUP_MEMBERSHIP_ADMIN role is limited to (role targets).</summary>
    [Parameter(ParameterSetName = StandardUserSet)]
    [Parameter(ParameterSetName = StandardGroupSet)]
    [ValidateNotNullOrEmpty]
    public string[] TargetGroupId { get; set; } = System.Array.Empty<string>();

    /// <summary>Catalog apps (every instance, e.g. salesforce) an APP_ADMIN role is limited to.</summary>
    [Parameter(ParameterSetName = StandardUserSet)]
    [Parameter(ParameterSetName = StandardGroupSet)]
    [ValidateNotNullOrEmpty]
    public string[] TargetAppName { get; set; } = System.Array.Empty<string>();

    /// <summary>App instances (0oa…) an APP_ADMIN role is limited to.</summary>
    [Parameter(ParameterSetName = StandardUserSet)]
    [Parameter(ParameterSetName = StandardGroupSet)]
    [ValidateNotNullOrEmpty]
    public string[] TargetAppId { get; set; } = System.Array.Empty<string>();

    /// <summary>
    /// A custom role's id as Get-OktaRoleAssignment's records name it (their RoleType is CUSTOM). Bound from the
    /// pipeline only: those records carry it apart from -CustomRoleId, so a standard role's empty value never
    /// binds there and the records of both kinds pipe into one Revoke-OktaRole.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = StandardUserSet, DontShow = true)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = StandardGroupSet, DontShow = true)]
    [AllowNull]
    [AllowEmptyString]
    public string? RoleId { get; set; }

    /// <summary>With <see cref="RoleId"/>: the resource set (iam…) of a piped custom-role record.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = StandardUserSet, DontShow = true)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = StandardGroupSet, DontShow = true)]
    [AllowNull]
    [AllowEmptyString]
    public string? ResourceSet { get; set; }

    protected override void ProcessRecord()
    {
        var toGroup = ParameterSetName is StandardGroupSet or CustomGroupSet;
        var pipedCustomRole = string.Equals(RoleType, AdminRoleTypes.Custom, System.StringComparison.OrdinalIgnoreCase)
            && !string.IsNullOrEmpty(RoleId) && !string.IsNullOrEmpty(ResourceSet);
        if (pipedCustomRole)
        {
            CustomRoleId = RoleId!;
            ResourceSetId = ResourceSet!;
        }
        var custom = pipedCustomRole || ParameterSetName is CustomUserSet or CustomGroupSet;
        var what = custom ? ResourceSetId + "/" + CustomRoleId : RoleType;
        var target = what + "/" + (toGroup ? "group:" + GroupId : "user:" + UserId);
        var targets = new RoleTargetRequest(TargetGroupId, TargetAppName, TargetAppId);
        if (!custom && !targets.IsEmpty)
        {
            Provision(target, toGroup ? "Group" : "User", (connection, confirm, ct) =>
            {
                var principal = toGroup ? PrincipalReference.Group(GroupId) : PrincipalReference.User(UserId);
                var provisioning = new EntitlementProvisioning(connection.Client);
                return Grants
                    ? provisioning.GrantRoleAsync(RoleType, principal, targets, confirm, ct)
                    : provisioning.RevokeRoleAsync(RoleType, principal, targets, confirm, ct);
            });
            return;
        }

        ChangeAccess(target, toGroup ? "Group" : "User", () =>
        {
            var principal = toGroup ? PrincipalReference.Group(GroupId) : PrincipalReference.User(UserId);
            var entitlement = custom ? EntitlementReference.Binding(ResourceSetId, CustomRoleId) : EntitlementReference.Role(RoleType);
            return (entitlement, principal);
        });
    }
}
