using System;
using System.Collections.Generic;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Sync;

/// <summary>Okta's standard admin role types, and which entitlement a role assignment grants.</summary>
internal static class StandardRoles
{
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
    };

    /// <summary>Standard roles Okta manages through /api/v1/iam/roles, synced like custom roles.</summary>
    public static IReadOnlyList<string> IamBased { get; } = new[] { "WORKFLOWS_ADMIN", "ACCESS_CERTIFICATIONS_ADMIN", "ACCESS_REQUESTS_ADMIN" };

    /// <summary>
    /// The role or custom-role resource an assignment grants, or null for assignments that do not count
    /// (not ACTIVE, or a custom assignment without a role id).
    /// </summary>
    public static ResourceId? RoleOf(OktaRoleAssignment assignment)
    {
        if (assignment.Status is not null && !string.Equals(assignment.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase)) return null;
        if (!string.IsNullOrEmpty(assignment.Role) && !IsStandard(assignment.Role!))
        {
            return new ResourceId(ResourceTypes.CustomRole, assignment.Role!);
        }
        if (string.IsNullOrEmpty(assignment.Type) || string.Equals(assignment.Type, "CUSTOM", StringComparison.OrdinalIgnoreCase)) return null;
        foreach (var iam in IamBased)
        {
            if (string.Equals(iam, assignment.Type, StringComparison.OrdinalIgnoreCase)) return new ResourceId(ResourceTypes.CustomRole, iam);
        }
        return new ResourceId(ResourceTypes.Role, assignment.Type!);
    }

    private static bool IsStandard(string role)
    {
        foreach (var pair in Labels)
        {
            if (string.Equals(pair.Key, role, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static KeyValuePair<string, string> Pair(string type, string label) => new(type, label);
}
