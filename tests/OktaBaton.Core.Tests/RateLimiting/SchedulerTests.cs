using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;
using OktaBaton.Core.Okta.RateLimiting;
using OktaBaton.Core.Sync;
using OktaBaton.Core.Tests.Sync;
using Xunit;

namespace OktaBaton.Core.Tests.RateLimiting;

/// <summary>The scheduler against the simulator's real rate buckets, with tiny limits and short windows.</summary>
public sealed class SchedulerTests
{
    private const int Burst = 30;

    [Fact]
    public async Task ABurstUnderTightLimitsGetsNoRateLimitedAnswerWithTheScheduler()
    {
        await using var org = await TightOrgAsync(windowSeconds: 1, groupsIdLimit: 24);
        var client = org.Client();
        var groupIds = await GroupIdsAsync(client);
        org.Host.ResetStats();
        client.Gate = new RateLimitScheduler(RateLimitScheduler.DefaultShare, maxInFlight: 8);

        var members = await FetchMembersAsync(client, groupIds, Burst);

        var stats = org.Host.GetStats();
        Assert.Equal(0, stats.RateLimited);
        Assert.Equal(0, client.Stats.RateLimited);
        Assert.Equal(Burst, stats.ByBucket["groups-id"]);
        Assert.Equal(Burst, members.Count);
    }

    [Fact]
    public async Task AWindowsWholeBudgetGoesOutAtOnceRatherThanSpreadOverTheWindow()
    {
        // groups-id: 40 a ten-minute window, the token's half 20, one kept in reserve. Spread evenly, 19 requests
        // would take nine minutes; spent early they go out together, and the guard below never fires.
        await using var org = await TightOrgAsync(windowSeconds: 600, groupsIdLimit: 40);
        var client = org.Client();
        var groupIds = await GroupIdsAsync(client);
        org.Host.ResetStats();
        client.Gate = new RateLimitScheduler(RateLimitScheduler.DefaultShare, maxInFlight: 8);
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var fetches = Enumerable.Range(0, 19)
            .Select(i => client.ListAsync<OktaUser>($"/api/v1/groups/{groupIds[i % groupIds.Count]}/users", hangGuard.Token).ToListAsync().AsTask());
        var members = await Task.WhenAll(fetches);

        Assert.Equal(19, members.Length);
        Assert.Equal(19, org.Host.GetStats().ByBucket["groups-id"]);
        Assert.Equal(0, org.Host.GetStats().RateLimited);
    }

    [Fact]
    public void TheWindowLengthIsTheFewestWholeSecondsFromAProbeToItsReset()
    {
        var length = new WindowLength();
        Assert.Null(length.Current);
        var sent = DateTimeOffset.FromUnixTimeSeconds(1_000_000).AddMilliseconds(300);
        length.Observe(sent, DateTimeOffset.FromUnixTimeSeconds(1_000_007)); // 6.7 s: a window of 6 counted late in its second
        length.Observe(sent, DateTimeOffset.FromUnixTimeSeconds(1_000_008)); // 7.7 s: the reset rounded up past a whole second
        length.Observe(sent, sent.AddMilliseconds(500));                     // under a second: no measure
        Assert.Equal(TimeSpan.FromSeconds(6), length.Current);
    }

    [Fact]
    public async Task TheSameBurstWithoutTheSchedulerIsRateLimited()
    {
        await using var org = await TightOrgAsync(windowSeconds: 1, groupsIdLimit: 24);
        var client = org.Client(paceByRateLimits: false);
        var groupIds = await GroupIdsAsync(client);
        org.Host.ResetStats();

        await FetchMembersAsync(client, groupIds, Burst);

        Assert.True(org.Host.GetStats().RateLimited > 0);
    }

    [Fact]
    public async Task AClientPacesEveryCallerFromItsCreation()
    {
        await using var org = await TightOrgAsync(windowSeconds: 1, groupsIdLimit: 24);
        var client = org.Client();
        var groupIds = await GroupIdsAsync(client);
        org.Host.ResetStats();

        var members = await FetchMembersAsync(client, groupIds, Burst);

        Assert.IsType<RateLimitScheduler>(client.Gate);
        Assert.Equal(0, org.Host.GetStats().RateLimited);
        Assert.Equal(Burst, members.Count);
    }

    [Fact]
    public async Task TwoSyncsSharingOneClientUnderTightLimitsGetNoRateLimitedAnswerAndBothEqualTheTruth()
    {
        await using var org = await SyncTestOrg.StartAsync(o =>
        {
            o.RateLimits = OktaBaton.Simulator.RateLimitMode.Workforce;
            o.RateWindowSeconds = 1;
            o.RateLimitScale = 0.1;
        });
        var client = org.Client();
        var options = new SyncOptions { ThrottleLimit = 8 };

        var first = new SyncEngine(client).RunAsync(org.PathFor("first.json"), options, null, CancellationToken.None);
        var second = new SyncEngine(client).RunAsync(org.PathFor("second.json"), options, null, CancellationToken.None);
        var results = await Task.WhenAll(first, second);

        Assert.Equal(0, org.Host.GetStats().RateLimited);
        Assert.Equal(0, client.Stats.RateLimited);
        Assert.All(results, r => Assert.Equal(0, r.Retries));
        using var state = await org.StateAsync();
        var expected = ExpectedSync.From(state, new ExpectedSync.Rules());
        Assert.Equal(expected.Grants, SyncContents.Read(org.PathFor("first.json")).GrantIds);
        Assert.Equal(expected.Grants, SyncContents.Read(org.PathFor("second.json")).GrantIds);
    }

    [Fact]
    public async Task ASyncAdjustsItsClientsShareAndInFlightCapForLaterRequests()
    {
        await using var org = await SyncTestOrg.StartAsync();
        var client = org.Client();
        var scheduler = Assert.IsType<RateLimitScheduler>(client.Gate);
        Assert.Equal(RateLimitScheduler.DefaultShare, scheduler.Share);
        Assert.Equal(16, scheduler.MaxInFlight);

        await new SyncEngine(client).RunAsync(org.PathFor("adjusted.json"), new SyncOptions { RateLimitShare = 0.2, ThrottleLimit = 40 }, null, CancellationToken.None);

        Assert.Same(scheduler, client.Gate);
        Assert.Equal(0.2, scheduler.Share);
        Assert.Equal(7, scheduler.MaxInFlight); // 20 % of a token's 37 (half of Okta's 75)
    }

    [Fact]
    public void AClientRejectsAShareOutsideZeroToOne()
    {
        var error = Assert.Throws<ArgumentException>(() => OktaBaton.Core.Tests.Okta.TestClients.For("acme.okta.com", configure: o => o.RateLimitShare = 0));
        Assert.Contains("RateLimitShare", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheInFlightCapHoldsAcrossBuckets()
    {
        await using var org = await SyncTestOrg.StartAsync(o => o.LatencyMs = 30);
        var client = org.Client();
        var groupIds = await GroupIdsAsync(client);
        org.Host.ResetStats();
        client.Gate = new RateLimitScheduler(RateLimitScheduler.DefaultShare, maxInFlight: 3);

        var fetches = Enumerable.Range(0, 24).Select(i => i % 2 == 0
            ? client.ListAsync<OktaGroup>("/api/v1/groups", CancellationToken.None).ToListAsync().AsTask().ContinueWith(t => t.Result.Count, TaskScheduler.Default)
            : client.ListAsync<OktaUser>($"/api/v1/groups/{groupIds[i % groupIds.Count]}/users", CancellationToken.None).ToListAsync().AsTask().ContinueWith(t => t.Result.Count, TaskScheduler.Default));
        await Task.WhenAll(fetches);

        var stats = org.Host.GetStats();
        Assert.Equal(24, stats.TotalRequests);
        Assert.True(stats.MaxInFlight <= 3, $"{stats.MaxInFlight} requests were in flight at once");
        Assert.True(stats.MaxInFlight >= 2, "the two buckets should have run side by side");
    }

    [Fact]
    public async Task ASpentBucketDoesNotHoldUpTheOthers()
    {
        // apps: 6 a window, Okta gives the token half (3), the client keeps one in reserve: the third apps request
        // must wait for the 30-s reset
        await using var org = await TightOrgAsync(windowSeconds: 30, groupsIdLimit: 1000, appsLimit: 6);
        var client = org.Client();
        var groupIds = await GroupIdsAsync(client);
        client.Gate = new RateLimitScheduler(RateLimitScheduler.DefaultShare, maxInFlight: 8);
        using var stop = new CancellationTokenSource();

        await client.ListAsync<OktaApp>("/api/v1/apps", CancellationToken.None).ToListAsync();
        await client.ListAsync<OktaApp>("/api/v1/apps", CancellationToken.None).ToListAsync();
        var waitingApps = client.ListAsync<OktaApp>("/api/v1/apps", stop.Token).ToListAsync().AsTask();
        var members = await FetchMembersAsync(client, groupIds, 12);

        Assert.Equal(12, members.Count);
        Assert.False(waitingApps.IsCompleted, "the third apps request should still be waiting for the apps bucket's reset");
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waitingApps);
        Assert.Equal(2, org.Host.GetStats().ByBucket["apps"]);
        Assert.Equal(0, org.Host.GetStats().RateLimited);
    }

    [Fact]
    public async Task AfterAForeignClientSpentTheBucketItWaitsForTheResetOnceWhileOthersContinue()
    {
        await using var org = await TightOrgAsync(windowSeconds: 2, groupsIdLimit: 1000, appsLimit: 6);
        // two other tokens spend their halves, so the org's bucket is empty while this token's share is untouched
        var others = new[] { org.Client("read-only", maxRetries: 0, paceByRateLimits: false), org.Client("custom-read-only", maxRetries: 0, paceByRateLimits: false) };
        var client = org.Client();
        var groupIds = await GroupIdsAsync(client);
        org.Host.ResetStats();
        foreach (var other in others)
        {
            for (var i = 0; i < 3; i++) await other.ListAsync<OktaApp>("/api/v1/apps", CancellationToken.None).ToListAsync();
        }
        client.Gate = new RateLimitScheduler(RateLimitScheduler.DefaultShare, maxInFlight: 8);

        var apps = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.ListAsync<OktaApp>("/api/v1/apps", CancellationToken.None).ToListAsync().AsTask()));
        var members = await FetchMembersAsync(client, groupIds, 12);
        var appsDoneWhenMembersWere = apps.IsCompleted;
        var appLists = await apps;

        Assert.Equal(12, members.Count);
        Assert.False(appsDoneWhenMembersWere, "the groups bucket should not wait behind the spent apps bucket");
        Assert.All(appLists, list => Assert.NotEmpty(list));
        Assert.Equal(1, client.Stats.RateLimited);
        Assert.Equal(1, org.Host.GetStats().RateLimited);
    }

    [Theory]
    [InlineData(OktaBaton.Simulator.PrincipalHeaderMode.Binding, 0)]
    // the first window's whole reported budget (23) is admitted before the first refusal answers: 23 − 12 refused
    [InlineData(OktaBaton.Simulator.PrincipalHeaderMode.Org, 11)]
    public async Task ATokensShareTheHeadersDoNotShowIsLearntInTheFirstWindowNotRefusedInEvery(
        OktaBaton.Simulator.PrincipalHeaderMode headers, int expectedRateLimited)
    {
        // groups-id 24 a second, the token held to 12 of it. Reported as the org's 24, a client that believed the
        // headers would be refused in every window; it learns the share from the first refusal instead.
        await using var org = await SyncTestOrg.StartAsync(o =>
        {
            o.RateLimits = OktaBaton.Simulator.RateLimitMode.Workforce;
            o.RateWindowSeconds = 1;
            o.BucketLimitOverrides["groups-id"] = 24;
            o.PrincipalHeaders = headers;
        });
        var client = org.Client();
        var groupIds = await GroupIdsAsync(client);
        org.Host.ResetStats();
        client.Gate = new RateLimitScheduler(RateLimitScheduler.DefaultShare, maxInFlight: 1);

        var members = await FetchMembersAsync(client, groupIds, 45);

        Assert.Equal(45, members.Count);
        Assert.True(org.Host.GetStats().ByBucket["groups-id"] > 36, "the burst should span at least four of the token's windows");
        Assert.Equal(expectedRateLimited, client.Stats.RateLimited);
        Assert.Equal(expectedRateLimited, org.Host.GetStats().RateLimited);
    }

    [Fact]
    public async Task ASyncUnderTightLimitsGetsNoRateLimitedAnswerAndEqualsTheTruth()
    {
        await using var org = await SyncTestOrg.StartAsync(o =>
        {
            o.RateLimits = OktaBaton.Simulator.RateLimitMode.Workforce;
            o.RateWindowSeconds = 1;
            o.RateLimitScale = 0.1; // a second's budget at half share: apps 5, groups-id 50, users-list 30, default 60
        });

        var (result, contents) = await org.SyncAsync(new SyncOptions { SyncCustomRoles = true, ThrottleLimit = 8 });

        var stats = org.Host.GetStats();
        Assert.Equal(0, stats.RateLimited);
        Assert.Equal(0, result.Retries);
        Assert.True(stats.ByBucket["apps"] > 5, "the apps bucket should have needed more than one window");
        using var state = await org.StateAsync();
        var expected = ExpectedSync.From(state, new ExpectedSync.Rules { CustomRoles = true });
        Assert.Equal(expected.Grants, contents.GrantIds);
        Assert.Equal(expected.Resources, contents.ResourceIds);
    }

    [Fact]
    public void ASyncRejectsAShareOutsideZeroToOneAndAThrottleAboveOktasLimit()
    {
        var share = Assert.Throws<ArgumentException>(() => new SyncOptions { RateLimitShare = 1.5 }.Validate());
        Assert.Contains("RateLimitShare", share.Message, StringComparison.Ordinal);
        var throttle = Assert.Throws<ArgumentException>(() => new SyncOptions { ThrottleLimit = 80 }.Validate());
        Assert.Contains("ThrottleLimit", throttle.Message, StringComparison.Ordinal);
        Assert.Equal(37, RateLimitScheduler.InFlightCapFor(75, 1.0));
        Assert.Equal(18, RateLimitScheduler.InFlightCapFor(75, 0.5));
        Assert.Equal(16, RateLimitScheduler.InFlightCapFor(16, 1.0));
    }

    private static Task<SyncTestOrg> TightOrgAsync(int windowSeconds, int groupsIdLimit, int appsLimit = 100) =>
        SyncTestOrg.StartAsync(o =>
        {
            o.RateLimits = OktaBaton.Simulator.RateLimitMode.Workforce;
            o.RateWindowSeconds = windowSeconds;
            o.BucketLimitOverrides["groups-id"] = groupsIdLimit;
            o.BucketLimitOverrides["apps"] = appsLimit;
        });

    private static async Task<List<string>> GroupIdsAsync(OktaClient client) =>
        (await client.ListAsync<OktaGroup>("/api/v1/groups", CancellationToken.None).ToListAsync()).Select(g => g.Id).ToList();

    private static async Task<List<List<OktaUser>>> FetchMembersAsync(OktaClient client, List<string> groupIds, int count)
    {
        var fetches = Enumerable.Range(0, count)
            .Select(i => client.ListAsync<OktaUser>($"/api/v1/groups/{groupIds[i % groupIds.Count]}/users", CancellationToken.None).ToListAsync().AsTask());
        return (await Task.WhenAll(fetches)).ToList();
    }
}
