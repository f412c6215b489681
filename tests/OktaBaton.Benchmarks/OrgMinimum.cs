using System.Text.Json;

namespace OktaBaton.Benchmarks;

/// <summary>
/// The fewest requests a default sync of this org can make, per Okta bucket, from the org's truth
/// (/__simulator/state): every list read once at Okta's largest page size, members only of non-empty groups,
/// roles only of admins and of groups that hold a role, role targets only of assignments whose type takes them.
/// Computed here from the sizes, not from the engine.
/// </summary>
internal sealed class OrgMinimum
{
    // Okta's maximum page sizes (docs/okta-api.md)
    private const int UsersPage = 200;
    private const int GroupsPage = 10_000;
    private const int MembersPage = 1000;
    private const int AppsPage = 200;
    private const int AppUsersPage = 500;
    private const int AppGroupsPage = 200;
    private const int AssigneesPage = 100;

    public SortedDictionary<string, long> ByBucket { get; } = new(StringComparer.Ordinal);
    public long Users { get; private set; }
    public long Groups { get; private set; }
    public long Memberships { get; private set; }
    public long ActiveApps { get; private set; }
    public long Admins { get; private set; }
    public long AdminGroups { get; private set; }

    public long Total => ByBucket.Values.Sum();

    public static async Task<OrgMinimum> FromStateAsync(Stream state)
    {
        using var document = await JsonDocument.ParseAsync(state).ConfigureAwait(false);
        var root = document.RootElement;
        var minimum = new OrgMinimum();
        minimum.Users = root.GetProperty("users").GetArrayLength();
        minimum.Add("users-list", Pages(minimum.Users, UsersPage));

        long membersRequests = 0;
        foreach (var group in root.GetProperty("groups").EnumerateArray())
        {
            minimum.Groups++;
            var members = group.GetProperty("memberIds").GetArrayLength();
            minimum.Memberships += members;
            if (members > 0) membersRequests += Pages(members, MembersPage);
        }
        minimum.Add("groups-list", Pages(minimum.Groups, GroupsPage));

        var adminGroups = Distinct(root, "groupRoles", "groupId", activeOnly: false);
        // /iam/assignees/users lists the users that hold at least one ACTIVE role
        var admins = Distinct(root, "userRoles", "userId", activeOnly: true);
        minimum.AdminGroups = adminGroups;
        minimum.Admins = admins;
        // role targets, only of ACTIVE assignments whose type can be limited (one page of up to 200 targets each)
        var userTargets = ScopableAssignments(root, "userRoles");
        var groupTargets = ScopableAssignments(root, "groupRoles");
        minimum.Add("groups-id", membersRequests + adminGroups + groupTargets);

        long appsRequests = 0;
        foreach (var app in root.GetProperty("apps").EnumerateArray())
        {
            if (app.GetProperty("status").GetString() != "ACTIVE") continue;
            minimum.ActiveApps++;
            appsRequests += Pages(app.GetProperty("users").GetArrayLength(), AppUsersPage) + Pages(app.GetProperty("groups").GetArrayLength(), AppGroupsPage);
        }
        minimum.Add("apps", appsRequests + Pages(minimum.ActiveApps, AppsPage));
        minimum.Add("users-id", admins + userTargets);
        minimum.Add("default", Pages(admins, AssigneesPage));
        return minimum;
    }

    /// <summary>A list costs at least one request even when empty.</summary>
    private static long Pages(long items, int pageSize) => Math.Max(1, (items + pageSize - 1) / pageSize);

    private static long Distinct(JsonElement root, string array, string key, bool activeOnly) =>
        root.GetProperty(array).EnumerateArray()
            .Where(e => !activeOnly || e.GetProperty("status").GetString() == "ACTIVE")
            .Select(e => e.GetProperty(key).GetString()).Distinct(StringComparer.Ordinal).LongCount();

    private static long ScopableAssignments(JsonElement root, string array) =>
        root.GetProperty(array).EnumerateArray().LongCount(e => e.GetProperty("status").GetString() == "ACTIVE"
            && e.GetProperty("type").GetString() is "USER_ADMIN" or "HELP_DESK_ADMIN" or "GROUP_MEMBERSHIP_ADMIN" or "APP_ADMIN");

    private void Add(string bucket, long requests) => ByBucket[bucket] = requests;
}
