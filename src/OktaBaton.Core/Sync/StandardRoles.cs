using System;
using System.Collections.Generic;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Sync;

/// <summary>Okta's standard admin role types, and which entitlement a role assignment grants.</summary>
internal static class StandardRoles
{
    /// <summary>
    /// Every standard role, IAM-based ones included (Workflows, Access Certifications, Access Requests Administrator):
    /// Okta assigns those with the standard-role payload and answers with "type" and "role" set to the type, so they are
    /// role resources like the others, not custom roles (Okta's /api/v1/iam/roles lists only custom roles).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Labels { get; } = new[]
    {
        Pair("SUPER_ADMIN", "Super Administrator"),
        Pair("ORG_ADMIN", "Organization Administrator"),
        Pair("APP_ADMIN", "Application Administrator"),
        Pair("USER_ADMIN", "Group Administrator"),
        Pair("HELP_DESK_ADMIN", "Help Desk Administrator"),
        Pair("READ_ONLY_ADMIN", "Read-only Administrator"),
        Pair("MOBILE_ADMIN", "Mobile Administrator"),
        Pair("API_ACCESS_MANAGEMENT_ADMIN", "API Access Management Administrator"),
        Pair("REPORT_ADMIN", "Report Administrator"),
        Pair("GROUP_MEMBERSHIP_ADMIN", "Group Membership Administrator"),
        Pair("WORKFLOWS_ADMIN", "Workflows Administrator"),
        Pair("ACCESS_CERTIFICATIONS_ADMIN", "Access Certifications Administrator"),
        Pair("ACCESS_REQUESTS_ADMIN", "Access Requests Administrator"),
    };

    /// <summary>
    /// The role or custom-role resource an assignment grants, or null for assignments that do not count
    /// (not ACTIVE, or a custom assignment without a role id).
    /// </summary>
    public static ResourceId? RoleOf(OktaRoleAssignment assignment)
    {
        if (assignment.Status is not null && !string.Equals(assignment.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase)) return null;
        if (string.IsNullOrEmpty(assignment.Type)) return null;
        if (string.Equals(assignment.Type, "CUSTOM", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrEmpty(assignment.Role) ? null : new ResourceId(ResourceTypes.CustomRole, assignment.Role!);
        }
        return new ResourceId(ResourceTypes.Role, assignment.Type!.ToUpperInvariant());
    }

    /// <summary>Role types whose assignments Okta can limit to groups (role targets).</summary>
    public static bool TakesGroupTargets(string? type) => type?.ToUpperInvariant() is "USER_ADMIN" or "HELP_DESK_ADMIN" or "GROUP_MEMBERSHIP_ADMIN";

    /// <summary>Role types whose assignments Okta can limit to apps (role targets).</summary>
    public static bool TakesAppTargets(string? type) => string.Equals(type, "APP_ADMIN", StringComparison.OrdinalIgnoreCase);

    private static KeyValuePair<string, string> Pair(string type, string label) => new(type, label);
}
