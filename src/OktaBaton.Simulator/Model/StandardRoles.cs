namespace OktaBaton.Simulator.Model;

internal static class StandardRoles
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SUPER_ADMIN"] = "Super Administrator",
        ["ORG_ADMIN"] = "Organizational Administrator",
        ["APP_ADMIN"] = "Application Administrator",
        ["USER_ADMIN"] = "Group Administrator",
        ["HELP_DESK_ADMIN"] = "Help Desk Administrator",
        ["READ_ONLY_ADMIN"] = "Read-only Administrator",
        ["MOBILE_ADMIN"] = "Mobile Administrator",
        ["API_ACCESS_MANAGEMENT_ADMIN"] = "API Access Management Administrator",
        ["REPORT_ADMIN"] = "Report Administrator",
        ["GROUP_MEMBERSHIP_ADMIN"] = "Group Membership Administrator",
    };

    /// <summary>
    /// IAM-based standard roles: assigned with the standard-role payload ({"type": "WORKFLOWS_ADMIN"}) but answered like a
    /// custom role's assignment, with "role" set to the type and "resource-set" to the role's IAM policy. They are not
    /// listed under /api/v1/iam/roles (only custom roles are). Spec examples IAMStandardRolesListResponse and
    /// CreateIAMStandardRoleResponseGroup (Access Certifications / Access Requests → ACCESS_CERTIFICATIONS_IAM_POLICY).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Label, string ResourceSet)> IamBased = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["WORKFLOWS_ADMIN"] = ("Workflows Administrator", "WORKFLOWS_IAM_POLICY"),
        ["ACCESS_CERTIFICATIONS_ADMIN"] = ("Access Certifications Administrator", "ACCESS_CERTIFICATIONS_IAM_POLICY"),
        ["ACCESS_REQUESTS_ADMIN"] = ("Access Requests Administrator", "ACCESS_CERTIFICATIONS_IAM_POLICY"),
    };

    /// <summary>Role types whose assignments take group targets (spec: listGroupTargetsForRole).</summary>
    public static bool TakesGroupTargets(string type) => type is "USER_ADMIN" or "HELP_DESK_ADMIN" or "GROUP_MEMBERSHIP_ADMIN";

    /// <summary>Role types whose assignments take app targets (spec: listApplicationTargetsForApplicationAdministratorRoleForUser).</summary>
    public static bool TakesAppTargets(string type) => type == "APP_ADMIN";
}
