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

    /// <summary>IAM-based standard roles: listed in /iam/roles like custom roles.</summary>
    public static readonly IReadOnlyDictionary<string, string> IamBased = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["WORKFLOWS_ADMIN"] = "Workflows Administrator",
        ["ACCESS_CERTIFICATIONS_ADMIN"] = "Access Certifications Administrator",
        ["ACCESS_REQUESTS_ADMIN"] = "Access Requests Administrator",
    };
}
