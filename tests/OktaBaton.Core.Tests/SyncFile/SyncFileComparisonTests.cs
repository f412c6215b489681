using System.Text.Json;
using OktaBaton.Core.Sync;
using OktaBaton.Core.SyncFile;
using OktaBaton.Core.Tests.Sync;
using Xunit;

namespace OktaBaton.Core.Tests.SyncFile;

/// <summary>
/// The demo org synced, changed through the simulator's API (a member added to the group holding SUPER_ADMIN, a direct
/// app assignment removed, a user suspended, SUPER_ADMIN granted to a group), and synced again.
/// </summary>
public sealed class DriftedOrgFixture : IAsyncLifetime
{
    public SyncTestOrg Org { get; private set; } = null!;
    public JsonDocument Before { get; private set; } = null!;
    public JsonDocument After { get; private set; } = null!;
    public string BeforePath => Org.PathFor("before.json");
    public string AfterPath => Org.PathFor("after.json");
    public string AfterAgainPath => Org.PathFor("after-again.json");
    public string AfterWithCustomRolesPath => Org.PathFor("after-custom.json");
    public string NewAdminId { get; private set; } = "";
    public string AdminGroupId { get; private set; } = "";
    public string SuspendedUserId { get; private set; } = "";
    public string UnassignedAppId { get; private set; } = "";
    public string UnassignedUserId { get; private set; } = "";
    public string PromotedGroupId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Org = await SyncTestOrg.StartAsync();
        await Org.SyncAsync(name: "before.json");
        Before = await Org.StateAsync();
        var root = Before.RootElement;

        var adminGroup = Groups(root).Single(g => Name(g) == "Okta Admins");
        AdminGroupId = Id(adminGroup);
        var admins = MemberIds(adminGroup);
        var active = root.GetProperty("users").EnumerateArray().Where(u => u.GetProperty("status").GetString() == "ACTIVE").Select(Id).ToList();
        NewAdminId = active.First(u => !admins.Contains(u));
        SuspendedUserId = active.First(u => u != NewAdminId);
        var app = root.GetProperty("apps").EnumerateArray()
            .First(a => a.GetProperty("status").GetString() == "ACTIVE" && a.GetProperty("users").EnumerateArray().Any(u => u.GetProperty("scope").GetString() == "USER"));
        UnassignedAppId = Id(app);
        UnassignedUserId = app.GetProperty("users").EnumerateArray().First(u => u.GetProperty("scope").GetString() == "USER").GetProperty("userId").GetString()!;
        var superAdminGroups = root.GetProperty("groupRoles").EnumerateArray()
            .Where(r => r.GetProperty("type").GetString() == "SUPER_ADMIN").Select(r => r.GetProperty("groupId").GetString()).ToHashSet();
        PromotedGroupId = Id(Groups(root).First(g => !superAdminGroups.Contains(Id(g)) && MemberIds(g).Count > 1 && g.GetProperty("type").GetString() == "OKTA_GROUP"));

        var client = Org.Client();
        await client.SendAsync(HttpMethod.Put, $"/api/v1/groups/{AdminGroupId}/users/{NewAdminId}", null, CancellationToken.None);
        await client.SendAsync(HttpMethod.Delete, $"/api/v1/apps/{UnassignedAppId}/users/{UnassignedUserId}", null, CancellationToken.None);
        await client.SendAsync(HttpMethod.Post, $"/api/v1/users/{SuspendedUserId}/lifecycle/suspend", null, CancellationToken.None);
        await client.SendAsync(HttpMethod.Post, $"/api/v1/groups/{PromotedGroupId}/roles", new { type = "SUPER_ADMIN" }, CancellationToken.None);

        await Org.SyncAsync(name: "after.json");
        await Org.SyncAsync(name: "after-again.json");
        await Org.SyncAsync(new SyncOptions { SyncCustomRoles = true }, name: "after-custom.json");
        After = await Org.StateAsync();
    }

    public async Task DisposeAsync()
    {
        Before.Dispose();
        After.Dispose();
        await Org.DisposeAsync();
    }

    public static IEnumerable<JsonElement> Groups(JsonElement root) => root.GetProperty("groups").EnumerateArray();

    public static string Id(JsonElement element) => element.GetProperty("id").GetString()!;

    private static string Name(JsonElement group) => group.GetProperty("profile").GetProperty("name").GetString()!;

    private static HashSet<string> MemberIds(JsonElement group) => group.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()!).ToHashSet();
}

public sealed class SyncFileComparisonTests(DriftedOrgFixture org) : IClassFixture<DriftedOrgFixture>
{
    private static readonly ExpectedSync.Rules Defaults = new();

    [Fact]
    public void GrantDriftIsExactlyWhatTheOrgStateChanged()
    {
        var before = ExpectedSync.From(org.Before, Defaults).Grants;
        var after = ExpectedSync.From(org.After, Defaults).Grants;
        var expected = after.Except(before).Select(g => ("Added", g)).Concat(before.Except(after).Select(g => ("Removed", g))).Order().ToList();
        Assert.Contains(("Added", $"group:{org.AdminGroupId}:member:user:{org.NewAdminId}"), expected);
        Assert.Contains(("Added", $"role:SUPER_ADMIN:assigned:group:{org.PromotedGroupId}"), expected);
        Assert.Contains(("Removed", $"app:{org.UnassignedAppId}:access:user:{org.UnassignedUserId}"), expected);

        var changes = new SyncFileComparison(org.BeforePath, org.AfterPath).Changes().ToList();

        Assert.Equal(expected, changes.Select(c => (c.Change.ToString(), c.GrantId!)).Order().ToList());
        Assert.All(changes, c => Assert.Equal(("Grant", null, null, null), (c.Kind, c.Via, c.OldStatus, c.NewStatus)));
        var newAdmin = User(org.After, org.NewAdminId);
        var joined = changes.Single(c => c.GrantId == $"group:{org.AdminGroupId}:member:user:{org.NewAdminId}");
        Assert.Equal(("group", org.AdminGroupId, "Okta Admins", "member", "user", org.NewAdminId), (joined.ResourceType, joined.ResourceId, joined.ResourceName, joined.Slug, joined.PrincipalType, joined.PrincipalId));
        Assert.Equal((Login(newAdmin), Email(newAdmin)), (joined.PrincipalLogin, joined.PrincipalEmail));
        var unassigned = changes.Single(c => c.Change == nameof(SyncChange.Removed));
        var app = org.Before.RootElement.GetProperty("apps").EnumerateArray().Single(a => DriftedOrgFixture.Id(a) == org.UnassignedAppId);
        Assert.Equal((app.GetProperty("label").GetString(), Login(User(org.Before, org.UnassignedUserId)), $"app:{org.UnassignedAppId}:access"),
            (unassigned.ResourceName, unassigned.PrincipalLogin, unassigned.EntitlementId));
    }

    [Fact]
    public void ResourcesShowTheSuspendedUserAndNothingElse()
    {
        var changes = new SyncFileComparison(org.BeforePath, org.AfterPath).Changes(includeResources: true).Where(c => c.Kind == nameof(SyncChangeKind.Resource)).ToList();

        var statusChanges = org.After.RootElement.GetProperty("users").EnumerateArray()
            .Select(u => (Id: DriftedOrgFixture.Id(u), Old: User(org.Before, DriftedOrgFixture.Id(u)).GetProperty("status").GetString(), New: u.GetProperty("status").GetString()))
            .Where(u => u.Old != u.New).ToList();
        Assert.Equal(new[] { (org.SuspendedUserId, "ACTIVE", "SUSPENDED") }, statusChanges.Select(u => (u.Id, u.Old!, u.New!)));
        var change = Assert.Single(changes);
        var user = User(org.After, org.SuspendedUserId);
        Assert.Equal(("StatusChanged", "user", org.SuspendedUserId, "ACTIVE", "SUSPENDED", null),
            (change.Change, change.ResourceType, change.ResourceId, change.OldStatus, change.NewStatus, change.GrantId));
        Assert.Equal($"{user.GetProperty("profile").GetProperty("firstName").GetString()} {user.GetProperty("profile").GetProperty("lastName").GetString()}", change.ResourceName);
    }

    [Fact]
    public void ResourcesAddedAndRemovedAreReportedBothWays()
    {
        var forwards = new SyncFileComparison(org.AfterPath, org.AfterWithCustomRolesPath).ResourceChanges().ToList();
        var backwards = new SyncFileComparison(org.AfterWithCustomRolesPath, org.AfterPath).ResourceChanges().ToList();

        var withCustom = ExpectedSync.From(org.After, new ExpectedSync.Rules { CustomRoles = true }).Resources;
        var plain = ExpectedSync.From(org.After, Defaults).Resources;
        var extra = withCustom.Except(plain).ToList();
        Assert.Contains(extra, r => r.StartsWith("custom-role:", StringComparison.Ordinal));
        Assert.Equal(extra, forwards.Select(c => c.ResourceType + ":" + c.ResourceId).Order(StringComparer.Ordinal));
        Assert.All(forwards, c => Assert.Equal("Added", c.Change));
        Assert.Equal(extra, backwards.Select(c => c.ResourceType + ":" + c.ResourceId).Order(StringComparer.Ordinal));
        Assert.All(backwards, c => Assert.Equal("Removed", c.Change));
        Assert.All(forwards.Concat(backwards), c => Assert.False(string.IsNullOrEmpty(c.ResourceName)));
    }

    [Fact]
    public void ExpandReportsOneChangePerPrincipalAndEntitlementWithHowItIsHeld()
    {
        var before = ExpectedHoldings.From(ExpectedSync.From(org.Before, Defaults).Grants);
        var after = ExpectedHoldings.From(ExpectedSync.From(org.After, Defaults).Grants);
        var expected = after.Keys.Except(before.Keys).Select(k => ("Added", k))
            .Concat(before.Keys.Except(after.Keys).Select(k => ("Removed", k)))
            .Concat(after.Keys.Intersect(before.Keys).Where(k => after[k].ToString() != before[k].ToString()).Select(k => ("HoldingChanged", k)))
            .Order().ToList();

        var changes = new SyncFileComparison(org.BeforePath, org.AfterPath).Changes(expand: true).ToList();

        Assert.Equal(expected, changes.Select(c => (c.Change, c.GrantId!)).Order().ToList());
        Assert.Equal(changes.Count, changes.Select(c => c.GrantId).Distinct().Count());
        var promoted = DriftedOrgFixture.Groups(org.After.RootElement).Single(g => DriftedOrgFixture.Id(g) == org.PromotedGroupId)
            .GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()!).ToList();
        // every member of the promoted group gains SUPER_ADMIN through it — or, already holding it, now holds it through it too
        foreach (var member in promoted)
        {
            var change = changes.Single(c => c.GrantId == $"role:SUPER_ADMIN:assigned:user:{member}");
            Assert.Contains(org.PromotedGroupId, change.Through!, StringComparison.Ordinal);
            Assert.Equal(before.ContainsKey(change.GrantId!) ? "HoldingChanged" : "Added", change.Change);
        }
        var joined = changes.Single(c => c.GrantId == $"role:SUPER_ADMIN:assigned:user:{org.NewAdminId}");
        var key = $"role:SUPER_ADMIN:assigned:user:{org.NewAdminId}";
        Assert.Equal((before.ContainsKey(key) ? "HoldingChanged" : "Added", after[key].Direct, $"Okta Admins ({org.AdminGroupId})", "org-wide"),
            (joined.Change, joined.Direct, joined.Through, joined.Scope));
        Assert.Contains($"{Login(User(org.After, org.NewAdminId))} ", joined.ToString(), StringComparison.Ordinal);
        Assert.Contains("through group 'Okta Admins'", joined.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FiltersNarrowGrantsAndResources()
    {
        var superAdmins = new SyncFileComparison(org.BeforePath, org.AfterPath, new SyncQueryFilter { EntitlementIds = { "role:SUPER_ADMIN:assigned" } })
            .Changes(expand: true, includeResources: true).ToList();
        var all = new SyncFileComparison(org.BeforePath, org.AfterPath).Changes(expand: true).ToList();
        Assert.Equal(all.Where(c => c.EntitlementId == "role:SUPER_ADMIN:assigned").Select(c => (c.GrantId, c.Via)), superAdmins.Select(c => (c.GrantId, c.Via)));

        var ofSuspended = new SyncFileComparison(org.BeforePath, org.AfterPath, new SyncQueryFilter { PrincipalIds = { "user:" + org.SuspendedUserId } })
            .Changes(includeResources: true).ToList();
        var change = Assert.Single(ofSuspended, c => c.Kind == "Resource");
        Assert.Equal(org.SuspendedUserId, change.ResourceId);
        Assert.All(ofSuspended.Where(c => c.Kind == "Grant"), c => Assert.Equal(org.SuspendedUserId, c.PrincipalId));

        var apps = new SyncFileComparison(org.BeforePath, org.AfterPath, new SyncQueryFilter { ResourceTypes = { "app" } }).Changes(includeResources: true).ToList();
        Assert.Contains(apps, c => c.GrantId == $"app:{org.UnassignedAppId}:access:user:{org.UnassignedUserId}");
        Assert.Equal(new SyncFileComparison(org.BeforePath, org.AfterPath).Changes().Where(c => c.ResourceType == "app").Select(c => c.GrantId), apps.Select(c => c.GrantId));
    }

    [Fact]
    public void TwoSyncsOfTheSameOrgHaveNoDriftAndOutputOrderIsStable()
    {
        Assert.Empty(new SyncFileComparison(org.AfterPath, org.AfterAgainPath).Changes(expand: true, includeResources: true));
        var comparison = new SyncFileComparison(org.BeforePath, org.AfterPath);
        Assert.Empty(comparison.Validate());

        var first = comparison.Changes(expand: true, includeResources: true).Select(c => (c.Change, c.Kind, c.GrantId, c.Via, c.ResourceId)).ToList();
        var second = new SyncFileComparison(org.BeforePath, org.AfterAgainPath).Changes(expand: true, includeResources: true).Select(c => (c.Change, c.Kind, c.GrantId, c.Via, c.ResourceId)).ToList();
        Assert.Equal(first, second);
        Assert.Equal("Resource", first[0].Kind);
        Assert.Equal(first.OrderBy(c => c.Kind == "Grant").ThenBy(c => c.Change == "Removed").Select(c => c.Change), first.Select(c => c.Change));
    }

    [Fact]
    public void DifferentSyncOptionsAreAWarning()
    {
        var warnings = new SyncFileComparison(org.AfterPath, org.AfterWithCustomRolesPath).Validate();
        Assert.Contains("different options (resourceTypes, syncCustomRoles)", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void ATruncatedFileFailsBeforeAnyChangeIsReported()
    {
        var truncated = org.Org.PathFor("truncated.json");
        var text = File.ReadAllText(org.AfterPath);
        File.WriteAllText(truncated, text[..(text.Length * 9 / 10)]);
        var reported = new List<SyncChangeRecord>();

        var error = Assert.Throws<SyncFileFormatException>(() => reported.AddRange(new SyncFileComparison(org.BeforePath, truncated).Changes()));

        Assert.Empty(reported);
        Assert.Equal(truncated, error.FilePath);
        Assert.Throws<FileNotFoundException>(() => new SyncFileComparison(org.Org.PathFor("none.json"), org.AfterPath).Validate());
    }

    private static JsonElement User(JsonDocument state, string id) => state.RootElement.GetProperty("users").EnumerateArray().Single(u => DriftedOrgFixture.Id(u) == id);

    private static string Login(JsonElement user) => user.GetProperty("profile").GetProperty("login").GetString()!;

    private static string Email(JsonElement user) => user.GetProperty("profile").GetProperty("email").GetString()!;
}
