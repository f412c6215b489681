namespace OktaBaton.Simulator.Auth;

/// <summary>What a caller may do. Token profiles and (later) OAuth scopes both map onto these.</summary>
[Flags]
public enum Permission
{
    None = 0,
    ReadUsers = 1 << 0,
    ReadGroups = 1 << 1,
    ReadApps = 1 << 2,
    /// <summary>Role definitions: /iam/roles, /iam/resource-sets and their bindings.</summary>
    ReadIam = 1 << 3,
    /// <summary>Admin-role assignments: /users/{id}/roles, /groups/{id}/roles, /iam/assignees/users,
    /// binding members, and members of groups that hold an admin role.</summary>
    ReadRoleAssignments = 1 << 4,
    ReadApiTokens = 1 << 5,
    ManageUsers = 1 << 6,
    ManageGroups = 1 << 7,
    ManageGroupMembership = 1 << 8,
    ManageAppAssignments = 1 << 9,
    ManageRoleAssignments = 1 << 10,
    /// <summary>A service app with scopes but no admin role: Okta answers user lists with 200 and nothing in them.</summary>
    HiddenDirectory = 1 << 11,
    /// <summary>The System Log (/api/v1/logs): every admin role, the read-only one included, may read it.</summary>
    ReadLogs = 1 << 12,
    /// <summary>/api/v1/devices (okta.devices.read).</summary>
    ReadDevices = 1 << 13,
    /// <summary>Revoking API tokens (okta.apiTokens.manage).</summary>
    ManageApiTokens = 1 << 14,

    ReadAll = ReadUsers | ReadGroups | ReadApps | ReadIam | ReadRoleAssignments | ReadApiTokens | ReadLogs | ReadDevices,
    All = ReadAll | ManageUsers | ManageGroups | ManageGroupMembership | ManageAppAssignments | ManageRoleAssignments | ManageApiTokens,
}
