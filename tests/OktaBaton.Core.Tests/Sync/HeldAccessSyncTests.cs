using System.Text.Json;
using OktaBaton.Core.Model;
using OktaBaton.Core.Sync;
using Xunit;

namespace OktaBaton.Core.Tests.Sync;

/// <summary>
/// How each grant is held, as the file records it: scoped admin roles carry their role targets, IAM-based standard
/// roles are role grants whose entitlement is in the file, roles a user inherits through a group are the group's grant,
/// and app access Okta reports as held through a group is the group's grant unless the file's groups cannot show it.
/// </summary>
public sealed class HeldAccessSyncTests : IAsyncLifetime
{
    private SyncTestOrg _org = null!;

    public async Task InitializeAsync() => _org = await SyncTestOrg.StartAsync();

    public async Task DisposeAsync() => await _org.DisposeAsync();

    private static string IdByName(JsonDocument state, string collection, string name) =>
        state.RootElement.GetProperty(collection).EnumerateArray().First(x => NameOf(collection, x) == name).GetProperty("id").GetString()!;

    private static string? NameOf(string collection, JsonElement item) => collection switch
    {
        "users" => item.GetProperty("profile").GetProperty("login").GetString(),
        "groups" => item.GetProperty("profile").GetProperty("name").GetString(),
        _ => item.GetProperty("label").GetString(),
    };

    [Fact]
    public async Task ScopedRoleGrantsCarryTheirTargetsAndOrgWideOnesNone()
    {
        var (_, contents) = await _org.SyncAsync(new SyncOptions { SyncCustomRoles = true });
        using var state = await _org.StateAsync();
        var grants = contents.Grants.ToDictionary(g => g.Id);

        // computed from the state's role targets, not from the engine
        var scoped = 0;
        foreach (var (collection, principalType, key) in new[] { ("userRoles", "user", "userId"), ("groupRoles", "group", "groupId") })
        {
            foreach (var role in state.RootElement.GetProperty(collection).EnumerateArray())
            {
                var type = role.GetProperty("type").GetString()!;
                if (role.GetProperty("status").GetString() != "ACTIVE" || type == "CUSTOM") continue;
                var grant = grants[$"role:{type}:assigned:{principalType}:{role.GetProperty(key).GetString()}"];
                var groupTargets = role.GetProperty("targetGroupIds").EnumerateArray().Select(g => g.GetString()!).ToList();
                var appTargets = role.GetProperty("targetApps").EnumerateArray()
                    .Select(a => a.GetProperty("appId").GetString() is { } id ? "app:" + id : "app-catalog:" + a.GetProperty("name").GetString()).ToList();
                if (groupTargets.Count + appTargets.Count == 0)
                {
                    Assert.Null(grant.Scope);
                    continue;
                }
                scoped++;
                Assert.Equal(groupTargets.Select(g => "group:" + g).Concat(appTargets).Order(), grant.Scope!.TypedIds().Order());
            }
        }
        Assert.Equal(3, scoped);

        var carol = IdByName(state, "users", "carol.chen@acme.example");
        var engineering = IdByName(state, "groups", "Engineering");
        var contractors = IdByName(state, "groups", "Contractors");
        Assert.Equal(new[] { contractors, engineering }.Order(), grants[$"role:USER_ADMIN:assigned:user:{carol}"].Scope!.GroupIds.Order());
        var noah = IdByName(state, "users", "noah.nguyen@acme.example");
        var noahsApps = grants[$"role:APP_ADMIN:assigned:user:{noah}"].Scope!.Apps;
        Assert.Contains(noahsApps, a => a.Name == "slack" && a.Id == IdByName(state, "apps", "Slack"));
        Assert.Contains(noahsApps, a => a.Name == "zoomus" && a.Id is null);
        var customGrant = contents.Grants.Single(g => g.EntitlementId.StartsWith("custom-role:", StringComparison.Ordinal) && g.Principal.Resource == carol);
        Assert.Equal(new[] { IdByName(state, "resourceSets", "Engineering Resources") },
            customGrant.Scope!.ResourceSetIds);
    }

    [Fact]
    public async Task TargetsAreReadOnlyForAssignmentsOfScopableRoleTypes()
    {
        _org.Host.ResetStats();
        await _org.SyncAsync();
        var byRoute = _org.Host.GetStats().ByRoute;
        using var state = await _org.StateAsync();
        long Expected(string collection, Func<string, bool> scopable) => state.RootElement.GetProperty(collection).EnumerateArray()
            .Count(r => r.GetProperty("status").GetString() == "ACTIVE" && scopable(r.GetProperty("type").GetString()!));
        static bool GroupScopable(string type) => type is "USER_ADMIN" or "HELP_DESK_ADMIN" or "GROUP_MEMBERSHIP_ADMIN";
        static bool AppScopable(string type) => type == "APP_ADMIN";
        long Served(string route) => byRoute.TryGetValue(route, out var n) ? n : 0;

        Assert.Equal(Expected("userRoles", GroupScopable), Served("GET /api/v1/users/{id}/roles/{roleAssignmentId}/targets/groups"));
        Assert.Equal(Expected("groupRoles", GroupScopable), Served("GET /api/v1/groups/{id}/roles/{roleAssignmentId}/targets/groups"));
        Assert.Equal(Expected("userRoles", AppScopable), Served("GET /api/v1/users/{id}/roles/{roleAssignmentId}/targets/catalog/apps"));
        Assert.True(Expected("userRoles", GroupScopable) > 0 && Expected("userRoles", AppScopable) > 0);
    }

    [Fact]
    public async Task IamBasedStandardRolesAreRoleGrantsWhoseEntitlementIsInTheFile()
    {
        var (_, contents) = await _org.SyncAsync();
        using var state = await _org.StateAsync();
        var kate = IdByName(state, "users", "kate.kim@acme.example");

        Assert.Contains($"role:WORKFLOWS_ADMIN:assigned:user:{kate}", contents.GrantIds);
        Assert.Contains("role:WORKFLOWS_ADMIN:assigned", contents.EntitlementIds);
        Assert.All(contents.Grants, g => Assert.Contains(g.EntitlementId, contents.EntitlementIds));
    }

    [Fact]
    public async Task RolesAUserInheritsThroughAGroupAreTheGroupsGrantNotTheUsers()
    {
        var (_, contents) = await _org.SyncAsync(new SyncOptions { SyncCustomRoles = true });
        using var state = await _org.StateAsync();
        var alice = IdByName(state, "users", "alice.anderson@acme.example");
        var admins = IdByName(state, "groups", "Okta Admins");

        // alice's /roles lists SUPER_ADMIN with assignmentType GROUP: it is Okta Admins' grant, expanded to her
        Assert.DoesNotContain($"role:SUPER_ADMIN:assigned:user:{alice}", contents.GrantIds);
        Assert.Contains($"role:SUPER_ADMIN:assigned:group:{admins}", contents.GrantIds);
        Assert.Contains($"group:{admins}:member:user:{alice}", contents.GrantIds);
        // so is the custom role she holds through Engineering's binding
        var engineering = IdByName(state, "groups", "Engineering");
        Assert.DoesNotContain(contents.Grants, g => g.EntitlementId.StartsWith("custom-role:", StringComparison.Ordinal) && g.Principal.Resource == alice);
        Assert.Contains(contents.Grants, g => g.EntitlementId.StartsWith("custom-role:", StringComparison.Ordinal) && g.Principal.Resource == engineering);
    }

    [Fact]
    public async Task GroupScopedAppUsersAreTheGroupsGrantWhenTheGroupIsInTheFile()
    {
        var (_, contents) = await _org.SyncAsync();
        using var state = await _org.StateAsync();
        var zoom = IdByName(state, "apps", "Zoom");
        var admins = IdByName(state, "groups", "Okta Admins");

        Assert.Contains($"app:{zoom}:access:group:{admins}", contents.GrantIds);
        Assert.DoesNotContain(contents.Grants, g => g.EntitlementId == $"app:{zoom}:access" && g.Principal.ResourceType == "user");
        Assert.DoesNotContain(contents.Grants, g => g.IsInherited);
    }

    [Fact]
    public async Task AppAccessThroughASkippedAppGroupIsKeptAsInheritedNamingTheGroup()
    {
        var (_, contents) = await _org.SyncAsync(new SyncOptions { SkipAppGroups = true });
        using var state = await _org.StateAsync();
        var salesforce = IdByName(state, "apps", "Salesforce");
        var imported = IdByName(state, "groups", "Salesforce Imported Users");
        var quinn = IdByName(state, "users", "quinn.quade@contractors.example");

        // quinn holds Salesforce only through the imported APP_GROUP, which -SkipAppGroups leaves out
        var inherited = Assert.Single(contents.Grants, g => g.IsInherited);
        Assert.Equal(($"app:{salesforce}:access", quinn), (inherited.EntitlementId, inherited.Principal.Resource));
        Assert.Equal(new[] { imported }, inherited.InheritedThrough);
        Assert.DoesNotContain(contents.Grants, g => g.Principal.Resource == imported);
    }

    [Fact]
    public async Task AppAccessThroughAGroupTheNameFilterLeavesOutIsKeptAsInherited()
    {
        var (_, contents) = await _org.SyncAsync(new SyncOptions { GroupNameFilter = "Eng" });
        using var state = await _org.StateAsync();
        var slack = IdByName(state, "apps", "Slack");
        var contractors = IdByName(state, "groups", "Contractors");
        var engineering = state.RootElement.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("profile").GetProperty("name").GetString() == "Engineering")
            .GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()!).ToHashSet();
        var onlyContractors = state.RootElement.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("id").GetString() == contractors)
            .GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()!).Where(m => !engineering.Contains(m)).ToList();

        var inherited = contents.Grants.Where(g => g.IsInherited && g.EntitlementId == $"app:{slack}:access").ToList();
        Assert.Equal(onlyContractors.Order(), inherited.Select(g => g.Principal.Resource).Order());
        Assert.All(inherited, g => Assert.Equal(new[] { contractors }, g.InheritedThrough));
    }

    [Fact]
    public async Task WithoutGroupsInTheFileEveryGroupScopedAppUserIsKeptAsInherited()
    {
        var (_, contents) = await _org.SyncAsync(new SyncOptions { ResourceTypes = { "user", "app" } });
        using var state = await _org.StateAsync();
        var expected = state.RootElement.GetProperty("apps").EnumerateArray().Where(a => a.GetProperty("status").GetString() == "ACTIVE")
            .SelectMany(a => a.GetProperty("users").EnumerateArray().Where(u => u.GetProperty("scope").GetString() == "GROUP")
                .Select(u => $"app:{a.GetProperty("id").GetString()}:access:user:{u.GetProperty("userId").GetString()}"))
            .Order().ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, contents.Grants.Where(g => g.IsInherited).Select(g => g.Id).Order());
        Assert.All(contents.Grants.Where(g => g.IsInherited), g => Assert.NotEmpty(g.InheritedThrough!));
    }
}
