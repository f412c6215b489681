using System;
using System.Collections.Generic;
using System.Linq;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// What a standard admin role should be limited to (Okta's role targets): groups for USER_ADMIN, HELP_DESK_ADMIN and
/// GROUP_MEMBERSHIP_ADMIN; apps for APP_ADMIN — an app instance by id, or every instance of a catalog app by name.
/// </summary>
public sealed class RoleTargetRequest
{
    public RoleTargetRequest(IEnumerable<string>? groupIds = null, IEnumerable<string>? appNames = null, IEnumerable<string>? appIds = null)
    {
        GroupIds = Clean(groupIds);
        AppNames = Clean(appNames);
        AppIds = Clean(appIds);
    }

    public IReadOnlyList<string> GroupIds { get; }

    /// <summary>OIN catalog app names (e.g. "salesforce"): every instance of the app.</summary>
    public IReadOnlyList<string> AppNames { get; }

    /// <summary>App instance ids (0oa…).</summary>
    public IReadOnlyList<string> AppIds { get; }

    public bool IsEmpty => GroupIds.Count == 0 && AppNames.Count == 0 && AppIds.Count == 0;

    private static IReadOnlyList<string> Clean(IEnumerable<string>? values) =>
        (values ?? Array.Empty<string>()).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
}
