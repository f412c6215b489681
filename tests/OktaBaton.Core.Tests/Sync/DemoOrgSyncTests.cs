using OktaBaton.Core.Model;
using OktaBaton.Core.Sync;
using OktaBaton.Core.SyncFile;
using OktaBaton.Simulator;
using Xunit;

namespace OktaBaton.Core.Tests.Sync;

public sealed class DemoOrgSyncTests : IAsyncLifetime
{
    private SyncTestOrg _org = null!;

    public async Task InitializeAsync() => _org = await SyncTestOrg.StartAsync();

    public async Task DisposeAsync() => await _org.DisposeAsync();

    private async Task<SyncContents> AssertMatchesTruthAsync(SyncOptions options, ExpectedSync.Rules rules)
    {
        var (_, contents) = await _org.SyncAsync(options);
        using var state = await _org.StateAsync();
        var expected = ExpectedSync.From(state, rules);
        Assert.Equal(expected.Resources, contents.ResourceIds);
        Assert.Equal(expected.Entitlements, contents.EntitlementIds);
        Assert.Equal(expected.Grants, contents.GrantIds);
        Assert.Equal(contents.Grants.Count, contents.GrantIds.Count); // no duplicates
        return contents;
    }

    [Fact]
    public async Task DefaultSyncEqualsTheTruth()
    {
        var contents = await AssertMatchesTruthAsync(new SyncOptions(), new ExpectedSync.Rules());
        Assert.Empty(contents.Trailer.Warnings);
        Assert.Equal(new[] { "user", "group", "app", "role" }, contents.Header.ResourceTypes.Select(t => t.Id));
    }

    [Fact]
    public async Task EverythingOnEqualsTheTruth()
    {
        var contents = await AssertMatchesTruthAsync(new SyncOptions { SyncCustomRoles = true, SyncSecrets = true },
            new ExpectedSync.Rules { CustomRoles = true, Secrets = true });
        Assert.Contains(contents.Resources, r => r.Id.ResourceType == "api-token");
        var legacy = contents.Resources.Single(r => r.DisplayName == "Legacy integration");
        Assert.Null(legacy.Trait("secret")!.Get("expiresAt"));
        Assert.NotNull(contents.Resources.Single(r => r.DisplayName == "CI pipeline").Trait("secret")!.Get("expiresAt"));
    }

    [Fact]
    public async Task GroupGrantsOfRolesAppsAndBindingsAreExpandableThroughTheGroupsMembership()
    {
        var (_, contents) = await _org.SyncAsync(new SyncOptions { SyncCustomRoles = true });
        var groupGrants = contents.Grants.Where(g => g.Principal.ResourceType == "group").ToList();
        Assert.Contains(groupGrants, g => g.EntitlementId.StartsWith("role:", StringComparison.Ordinal));
        Assert.Contains(groupGrants, g => g.EntitlementId.StartsWith("app:", StringComparison.Ordinal));
        Assert.Contains(groupGrants, g => g.EntitlementId.StartsWith("resourceset-binding:", StringComparison.Ordinal));
        Assert.All(groupGrants, g => Assert.Equal(new[] { $"group:{g.Principal.Resource}:member" }, g.Expandable));
        Assert.All(contents.Grants.Where(g => g.Principal.ResourceType == "user"), g => Assert.Empty(g.Expandable));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExpandedHoldersOfEveryEntitlementAreWhatTheOrgStateReaches(bool customRoles)
    {
        var (_, _) = await _org.SyncAsync(new SyncOptions { SyncCustomRoles = customRoles });
        using var state = await _org.StateAsync();
        var expected = ExpectedHoldings.From(ExpectedSync.From(state, new ExpectedSync.Rules { CustomRoles = customRoles }).Grants);

        var plain = new SyncFileQuery(_org.PathFor("sync.json")).Grants().ToList();
        var expanded = new SyncFileQuery(_org.PathFor("sync.json")).Grants(expand: true).ToList();

        Assert.Equal(plain.Count, plain.Select(g => g.GrantId).Distinct().Count());
        Assert.Equal(expanded.Count, expanded.Select(g => g.GrantId).Distinct().Count());
        Assert.Equal(expected.Select(p => $"{p.Key} {p.Value}"),
            expanded.Select(g => $"{g.GrantId} {new ExpectedHoldings.Holding(g.Direct, new SortedSet<string>(g.ThroughGroupIds, StringComparer.Ordinal))}").Order(StringComparer.Ordinal));
        Assert.Contains(expanded, g => g.Direct && g.ThroughGroupIds.Count > 0);
        Assert.Contains(expanded, g => !g.Direct && g.ThroughGroupIds.Count > 1);
    }

    [Fact]
    public async Task InheritedGrantsMergeWithTheGroupsTheFileDoesShow()
    {
        await _org.SyncAsync(new SyncOptions { GroupNameFilter = "Eng" });
        using var state = await _org.StateAsync();
        var root = state.RootElement;
        string Id(string collection, string name) => root.GetProperty(collection).EnumerateArray()
            .Single(x => (collection == "apps" ? x.GetProperty("label") : x.GetProperty("profile").GetProperty(collection == "users" ? "login" : "name")).GetString() == name)
            .GetProperty("id").GetString()!;
        var slack = Id("apps", "Slack");

        var holders = new SyncFileQuery(_org.PathFor("sync.json"), new SyncQueryFilter { EntitlementIds = { $"app:{slack}:access" } }).Grants(expand: true)
            .Where(g => g.PrincipalType == "user").ToDictionary(g => g.PrincipalLogin!);

        // uma is in Engineering and Contractors (left out by the filter): Engineering, in the file, shows her access
        var uma = holders["uma.usman@contractors.example"];
        Assert.Equal((false, Id("groups", "Engineering")), (uma.Direct, uma.ThroughGroupIds.Single()));
        // quinn only through Contractors: inherited, named by id since the file has no such group
        var quinn = holders["quinn.quade@contractors.example"];
        Assert.Equal((false, Id("groups", "Contractors")), (quinn.Direct, quinn.ThroughGroupIds.Single()));
        // alice directly, and through Engineering
        var alice = holders["alice.anderson@acme.example"];
        Assert.Equal((true, Id("groups", "Engineering")), (alice.Direct, alice.ThroughGroupIds.Single()));
    }

    [Fact]
    public async Task AccessThroughAGroupOktaDoesNotNameIsHeldThroughAnUnknownGroup()
    {
        await _org.SyncAsync(new SyncOptions { ResourceTypes = { "user", "app" } });
        var records = new SyncFileQuery(_org.PathFor("sync.json")).Grants(expand: true).Where(g => !g.Direct).ToList();

        Assert.NotEmpty(records);
        Assert.All(records, g => Assert.NotNull(g.Through));
    }

    [Fact]
    public async Task UserTraitsFollowTheStatusMappingAndProfile()
    {
        var (_, contents) = await _org.SyncAsync();
        var users = contents.Resources.Where(r => r.Id.ResourceType == "user").ToDictionary(r => r.Trait("user")!.GetString("login")!);
        var alice = users["alice.anderson@acme.example"];
        Assert.Equal("Alice Anderson", alice.DisplayName);
        var trait = alice.Trait("user")!;
        Assert.Equal("alice.anderson", trait.GetString("loginAlias"));
        Assert.Equal(("ENABLED", "ACTIVE"), (trait.GetString("status"), trait.GetString("oktaStatus")));
        Assert.Equal(new object?[] { "E1001" }, (List<object?>)trait.Get("employeeIds")!);
        // baton-okta also reads employeeIdNumber / employee_idnumber (paul.park has the custom attribute employeeIdNumber)
        Assert.Equal(new object?[] { "CTR-3001" }, (List<object?>)users["paul.park@contractors.example"].Trait("user")!.Get("employeeIds")!);
        var emails = ((List<object?>)trait.Get("emails")!).Cast<PropertyBag>().Select(e => e.GetString("address"));
        Assert.Equal(new[] { "alice.anderson@acme.example", "alice.a@personal.example" }, emails);
        Assert.Equal("Engineering", alice.Profile.GetString("department"));
        foreach (var (login, status) in new[] { ("dave.davis@acme.example", "DISABLED"), ("erin.evans@acme.example", "DISABLED"), ("jack.jones@acme.example", "DISABLED"),
                     ("frank.fischer@acme.example", "ENABLED"), ("grace.garcia@acme.example", "ENABLED"), ("henry.hughes@acme.example", "ENABLED"), ("iris.ito@acme.example", "ENABLED") })
        {
            Assert.Equal(status, users[login].Trait("user")!.GetString("status"));
        }
        var everyone = contents.Resources.Single(r => r.DisplayName == "Everyone");
        Assert.Equal(("built_in", true), (everyone.Trait("group")!.GetString("type"), everyone.Trait("group")!.Get("immutable")));
        var imported = contents.Resources.Single(r => r.DisplayName == "Salesforce Imported Users");
        Assert.Equal(("APP_GROUP", "app_imported"), (imported.Profile.GetString("type"), imported.Trait("group")!.GetString("type")));
        Assert.Equal("BUILT_IN", everyone.Profile.GetString("type"));
        Assert.Equal(0L, contents.Resources.Single(r => r.DisplayName == "Project Phoenix").Profile.Get("users_count"));
        var zoom = contents.Resources.Single(r => r.DisplayName == "Zoom");
        Assert.Equal(("ACTIVE", "OPENID_CONNECT"), (zoom.Profile.GetString("status"), zoom.Profile.GetString("signOnMode")));
    }

    [Fact]
    public async Task GroupRolesAreReadOnlyForGroupsThatHoldAdminPrivilegeAndEmptyGroupsAreSkipped()
    {
        _org.Host.ResetStats();
        await _org.SyncAsync();
        var byRoute = _org.Host.GetStats().ByRoute;
        using var state = await _org.StateAsync();
        var adminGroups = state.RootElement.GetProperty("groupRoles").EnumerateArray()
            .Where(r => r.GetProperty("status").GetString() == "ACTIVE").Select(r => r.GetProperty("groupId").GetString()).Distinct().Count();
        var memberPages = state.RootElement.GetProperty("groups").EnumerateArray()
            .Select(g => g.GetProperty("memberIds").GetArrayLength()).Where(n => n > 0).Sum(n => (n + 999) / 1000);
        Assert.True(adminGroups > 0);
        Assert.Equal(adminGroups, byRoute["GET /api/v1/groups/{id}/roles"]);
        Assert.Equal(memberPages, byRoute["GET /api/v1/groups/{id}/users"]);
    }

    [Fact]
    public async Task TwoSyncsOfTheSameStateGiveTheSameBytesApartFromIdsAndTimes()
    {
        var options = new SyncOptions { SyncCustomRoles = true, SyncSecrets = true, MaxConcurrency = 6 };
        await _org.SyncAsync(options, name: "a.json");
        await _org.SyncAsync(options, name: "b.json");
        static string Stable(string path) => string.Join("\n", File.ReadAllLines(path)
            .Where(l => !l.StartsWith("\"syncId\"", StringComparison.Ordinal) && !l.StartsWith("\"startedAt\"", StringComparison.Ordinal)
                && !l.StartsWith("\"completedAt\"", StringComparison.Ordinal) && !l.StartsWith("\"orgStartedAt\"", StringComparison.Ordinal)
                && !l.StartsWith("\"stats\"", StringComparison.Ordinal)
                && !l.StartsWith("\"end\"", StringComparison.Ordinal)));
        var a = Stable(_org.PathFor("a.json"));
        Assert.True(a.Length > 10_000);
        Assert.Equal(a, Stable(_org.PathFor("b.json")));
    }

    [Fact]
    public async Task SyncFailingMidWayLeavesThePreviousFileAndNoTemporaryFiles()
    {
        var (_, before) = await _org.SyncAsync();
        var path = _org.PathFor("sync.json");
        var bytes = await File.ReadAllBytesAsync(path);
        _org.Host.EnqueueFaults("/api/v1/apps", FaultKind.InternalServerError, 50);
        var engine = new SyncEngine(_org.Client(maxRetries: 0));
        await Assert.ThrowsAsync<global::OktaBaton.Core.Okta.OktaApiException>(() => engine.RunAsync(path, new SyncOptions(), null, CancellationToken.None));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(_org.Directory));
        Assert.NotEmpty(before.Grants);
    }

    [Fact]
    public async Task CancelledSyncLeavesThePreviousFileAndNoTemporaryFiles()
    {
        await _org.SyncAsync();
        var path = _org.PathFor("sync.json");
        var bytes = await File.ReadAllBytesAsync(path);
        using var cts = new CancellationTokenSource();
        var progress = new CancelOnPhase("Group members", cts);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new SyncEngine(_org.Client()).RunAsync(path, new SyncOptions(), progress, cts.Token));
        Assert.True(progress.Reports > 0);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(_org.Directory));
    }

    [Fact]
    public async Task ResultCountsMatchTheFile()
    {
        var (result, contents) = await _org.SyncAsync(new SyncOptions { SyncCustomRoles = true });
        Assert.Equal(contents.Grants.Count, result.Grants);
        Assert.Equal(contents.Entitlements.Count, result.Entitlements);
        foreach (var type in contents.Header.ResourceTypes)
        {
            Assert.Equal(contents.Resources.Count(r => r.Id.ResourceType == type.Id), result.ResourceCounts[type.Id]);
        }
        Assert.Equal(result.Requests, contents.Trailer.Stats.Requests);
        Assert.True(result.Requests > 10);
        Assert.Equal(result.Grants, contents.Trailer.Stats.Grants);
    }

    private sealed class CancelOnPhase : ISyncProgress
    {
        private readonly string _phase;
        private readonly CancellationTokenSource _cts;

        public CancelOnPhase(string phase, CancellationTokenSource cts)
        {
            _phase = phase;
            _cts = cts;
        }

        public int Reports;

        public void Report(string phase, long done, long? total)
        {
            Interlocked.Increment(ref Reports);
            if (phase == _phase) _cts.Cancel();
        }

        public void Warn(SyncWarning warning)
        {
        }
    }
}
