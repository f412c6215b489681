using System;
using System.Collections.Generic;
using System.Linq;

namespace OktaBaton.Core.Provisioning;

/// <summary>Okta's standard admin role types that can be assigned by type.</summary>
public static class AdminRoleTypes
{
    public static IReadOnlyList<string> All { get; } = new[]
    {
        "SUPER_ADMIN", "ORG_ADMIN", "APP_ADMIN", "USER_ADMIN", "HELP_DESK_ADMIN", "READ_ONLY_ADMIN",
        "MOBILE_ADMIN", "API_ACCESS_MANAGEMENT_ADMIN", "REPORT_ADMIN", "GROUP_MEMBERSHIP_ADMIN",
        "WORKFLOWS_ADMIN", "ACCESS_CERTIFICATIONS_ADMIN", "ACCESS_REQUESTS_ADMIN",
    };

    /// <summary>The type Okta gives an assignment of a custom role (a role over a resource set).</summary>
    public const string Custom = "CUSTOM";

    /// <summary>The canonical (upper-case) type, or OktaInvalidRoleType listing the valid ones.</summary>
    public static string Normalize(string? roleType)
    {
        var candidate = (roleType ?? string.Empty).Trim().ToUpperInvariant();
        if (All.Contains(candidate, StringComparer.Ordinal))
        {
            return candidate;
        }

        var hint = candidate == Custom ? " A custom role is granted with a resource set (-CustomRoleId and -ResourceSetId)." : string.Empty;
        throw new OktaOperationException("OktaInvalidRoleType", OktaFailureKind.InvalidArgument,
            $"'{roleType}' is not a standard admin role type. Valid types: {string.Join(", ", All)}.{hint}");
    }
}
