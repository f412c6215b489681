namespace OktaBaton.Simulator.Auth;

/// <summary>The token permission profiles and the OAuth scope mapping onto <see cref="Permission"/>.</summary>
public static class PermissionProfiles
{
    public const string SuperAdmin = "super-admin";
    public const string ReadOnly = "read-only";
    public const string CustomReadOnly = "custom-read-only";
    public const string ReadOnlyAppAdminGroupAdmin = "read-only+app-admin+group-admin";
    public const string NoAdminRole = "no-admin-role";

    private const Permission ReadOnlyPermissions = Permission.ReadAll & ~Permission.ReadRoleAssignments;

    private static readonly Dictionary<string, Permission> Profiles = new(StringComparer.OrdinalIgnoreCase)
    {
        [SuperAdmin] = Permission.All,
        [ReadOnly] = ReadOnlyPermissions,
        [CustomReadOnly] = Permission.ReadAll,
        [ReadOnlyAppAdminGroupAdmin] = ReadOnlyPermissions | Permission.ManageGroups | Permission.ManageGroupMembership | Permission.ManageAppAssignments,
        [NoAdminRole] = (ReadOnlyPermissions & ~Permission.ReadLogs) | Permission.HiddenDirectory,
    };

    public static IEnumerable<string> Names => Profiles.Keys;

    public static bool IsKnown(string profile) => Profiles.ContainsKey(profile);

    public static Permission ForProfile(string profile) =>
        Profiles.TryGetValue(profile, out var permissions)
            ? permissions
            : throw new ArgumentException($"Unknown token profile '{profile}'. Known: {string.Join(", ", Names)}.", nameof(profile));

    /// <summary>Okta OAuth scopes (okta.users.read, okta.groups.manage, …) → permissions; unknown scopes grant nothing.</summary>
    public static Permission ForScopes(IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var result = Permission.None;
        foreach (var scope in scopes)
        {
            result |= scope switch
            {
                "okta.users.read" => Permission.ReadUsers,
                "okta.users.manage" => Permission.ReadUsers | Permission.ManageUsers,
                "okta.groups.read" => Permission.ReadGroups,
                "okta.groups.manage" => Permission.ReadGroups | Permission.ManageGroups | Permission.ManageGroupMembership,
                "okta.apps.read" => Permission.ReadApps,
                "okta.apps.manage" => Permission.ReadApps | Permission.ManageAppAssignments,
                "okta.roles.read" => Permission.ReadIam | Permission.ReadRoleAssignments,
                "okta.roles.manage" => Permission.ReadIam | Permission.ReadRoleAssignments | Permission.ManageRoleAssignments,
                "okta.apiTokens.read" => Permission.ReadApiTokens,
                "okta.apiTokens.manage" => Permission.ReadApiTokens | Permission.ManageApiTokens,
                "okta.logs.read" => Permission.ReadLogs,
                "okta.devices.read" => Permission.ReadDevices,
                _ => Permission.None,
            };
        }
        return result;
    }
}
