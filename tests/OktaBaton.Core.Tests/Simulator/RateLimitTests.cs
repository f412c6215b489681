using System.Net;
using OktaBaton.Simulator;
using Xunit;

namespace OktaBaton.Core.Tests.Simulator;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_token_past_its_share_of_a_bucket_gets_429_E0000047_with_its_own_rate_headers()
    {
        // users-list holds 6 a window; each token may spend 50 % of it, as at Okta by default.
        await using var sim = await SimulatorFixture.StartAsync(o => o.BucketLimitOverrides["users-list"] = 6);
        var client = sim.Client();
        var remaining = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync("/api/v1/users?limit=1");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("3", ok.Header("X-Rate-Limit-Limit"));
            remaining.Add(int.Parse(ok.Header("X-Rate-Limit-Remaining")));
        }
        Assert.Equal(new[] { 2, 1, 0 }, remaining);

        using var limited = await client.GetAsync("/api/v1/users?limit=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("E0000047", await limited.ErrorCodeAsync());
        Assert.Equal("3", limited.Header("X-Rate-Limit-Limit"));
        Assert.Equal("0", limited.Header("X-Rate-Limit-Remaining"));
        var reset = long.Parse(limited.Header("X-Rate-Limit-Reset"));
        var serverNow = limited.Headers.Date!.Value.ToUnixTimeSeconds();
        Assert.InRange(reset - serverNow, 0, 61);

        // Another bucket is untouched.
        using var byId = await client.GetAsync("/api/v1/users/me");
        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        Assert.Equal("500000", byId.Header("X-Rate-Limit-Limit")); // half of a limit nobody reaches

        var stats = sim.Host.GetStats();
        Assert.Equal((1L, 1L), (stats.RateLimited, stats.PrincipalRateLimited));
        Assert.Equal(4, stats.ByBucket["users-list"]);
        Assert.Equal(1, stats.ByBucket["users-id"]);
    }

    [Fact]
    public async Task Every_request_counts_against_the_org_bucket_so_another_token_meets_the_org_limit_first()
    {
        await using var sim = await SimulatorFixture.StartAsync(o => o.BucketLimitOverrides["users-list"] = 6);
        var first = sim.Client();
        for (var i = 0; i < 4; i++)
        {
            using var spent = await first.GetAsync("/api/v1/users?limit=1"); // three allowed, one refused: four counted
        }

        var second = sim.Client(SimulatorFixture.ReadOnlyToken);
        using var one = await second.GetAsync("/api/v1/users?limit=1");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        // The org's bucket has 1 left, the token's quota 2: the headers report the ceiling that binds.
        Assert.Equal(("6", "1"), (one.Header("X-Rate-Limit-Limit"), one.Header("X-Rate-Limit-Remaining")));
        using var two = await second.GetAsync("/api/v1/users?limit=1");
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        Assert.Equal(("6", "0"), (two.Header("X-Rate-Limit-Limit"), two.Header("X-Rate-Limit-Remaining")));
        using var three = await second.GetAsync("/api/v1/users?limit=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, three.StatusCode);
        Assert.Equal(("6", "0"), (three.Header("X-Rate-Limit-Limit"), three.Header("X-Rate-Limit-Remaining")));

        var stats = sim.Host.GetStats();
        Assert.Equal((2L, 1L), (stats.RateLimited, stats.PrincipalRateLimited));
    }

    [Theory]
    [InlineData(100, null, "6", 6)]
    [InlineData(50, 100, "6", 6)]
    [InlineData(50, 34, "2", 2)]
    [InlineData(20, null, "1", 1)]
    public async Task A_tokens_share_comes_from_its_own_setting_or_the_orgs_default(int orgDefault, int? tokenPercent, string limitHeader, int allowed)
    {
        const string token = "share-test-token";
        await using var sim = await SimulatorFixture.StartAsync(o =>
        {
            o.BucketLimitOverrides["groups-list"] = 6;
            o.PrincipalRateLimitPercent = orgDefault;
            o.Tokens.Add(new SimulatorToken(token, "super-admin", tokenPercent));
        });
        var client = sim.Client(token);
        var served = 0;
        for (var i = 0; i < 7; i++)
        {
            using var response = await client.GetAsync("/api/v1/groups?limit=1");
            Assert.Equal(limitHeader, response.Header("X-Rate-Limit-Limit"));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                served++;
            }
        }
        Assert.Equal(allowed, served);
    }

    [Fact]
    public async Task The_token_endpoint_is_metered_in_the_org_authorization_servers_bucket()
    {
        await using var sim = await SimulatorFixture.StartAsync(o => o.RateLimits = RateLimitMode.Workforce);
        using var http = new HttpClient { BaseAddress = sim.Host.BaseUrl };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" });
        using var response = await http.PostAsync("/oauth2/v1/token", form);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(("2000", "1999"), (response.Header("X-Rate-Limit-Limit"), response.Header("X-Rate-Limit-Remaining")));
        Assert.Equal(1, sim.Host.GetStats().ByBucket["oauth2-v1"]);
    }

    [Fact]
    public async Task A_new_window_starts_after_the_window_ends()
    {
        await using var sim = await SimulatorFixture.StartAsync(o =>
        {
            o.BucketLimitOverrides["groups-list"] = 1;
            o.RateWindowSeconds = 1;
        });
        var client = sim.Client();
        using var first = await client.GetAsync("/api/v1/groups?limit=1");
        using var second = await client.GetAsync("/api/v1/groups?limit=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        // Wait until the advertised reset has passed, as a client would.
        var reset = DateTimeOffset.FromUnixTimeSeconds(long.Parse(second.Header("X-Rate-Limit-Reset")));
        var wait = reset - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait + TimeSpan.FromMilliseconds(50));
        }
        using var third = await client.GetAsync("/api/v1/groups?limit=1");
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/v1/users", "users-list", 600)]
    [InlineData("GET", "/api/v1/users/me", "users-id", 2000)]
    [InlineData("GET", "/api/v1/groups", "groups-list", 500)]
    [InlineData("GET", "/api/v1/apps", "apps", 100)]
    [InlineData("GET", "/api/v1/iam/roles", "default", 1200)]
    [InlineData("GET", "/api/v1/api-tokens", "default", 1200)]
    public async Task Workforce_limits_follow_okta_buckets(string method, string path, string bucket, int limit)
    {
        await using var sim = await SimulatorFixture.StartAsync(o =>
        {
            o.RateLimits = RateLimitMode.Workforce;
            o.PrincipalRateLimitPercent = 100; // the whole bucket, so the headers show the org's limit
        });
        using var response = await sim.Client().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Header("X-Rate-Limit-Limit"));
        Assert.Equal((limit - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), response.Header("X-Rate-Limit-Remaining"));
        Assert.Equal(1, sim.Host.GetStats().ByBucket[bucket]);
    }

    [Fact]
    public async Task Buckets_distinguish_one_app_groups_and_user_writes()
    {
        await using var sim = await SimulatorFixture.StartAsync(o =>
        {
            o.RateLimits = RateLimitMode.Workforce;
            o.RateLimitScale = 0.5;
        });
        var client = sim.Client();
        var app = await sim.AppIdAsync("Slack");
        var group = await sim.GroupIdAsync("Sales");
        using var oneApp = await client.GetAsync($"/api/v1/apps/{app}");
        using var appUsers = await client.GetAsync($"/api/v1/apps/{app}/users");
        using var groupMembers = await client.GetAsync($"/api/v1/groups/{group}/users");
        using var suspend = await client.PostAsync($"/api/v1/users/{await sim.UserIdAsync("liam.lopez@acme.example")}/lifecycle/suspend", null);
        // A token's share: half of each halved Workforce limit.
        Assert.Equal("125", oneApp.Header("X-Rate-Limit-Limit"));
        Assert.Equal("25", appUsers.Header("X-Rate-Limit-Limit"));
        Assert.Equal("250", groupMembers.Header("X-Rate-Limit-Limit"));
        Assert.Equal("150", suspend.Header("X-Rate-Limit-Limit"));
        var stats = sim.Host.GetStats();
        Assert.Equal(1, stats.ByBucket["apps-id"]);
        Assert.Equal(1, stats.ByBucket["apps"]);
        Assert.Equal(1, stats.ByBucket["groups-id"]);
        Assert.Equal(1, stats.ByBucket["users-write"]);
        Assert.Equal(1, stats.ByRoute["GET /api/v1/apps/{id}/users"]);
    }

    [Fact]
    public async Task Requests_over_the_concurrency_limit_get_429_with_limit_zero()
    {
        await using var sim = await SimulatorFixture.StartAsync(o => o.ConcurrencyLimit = 2);
        sim.Host.EnqueueFaults("/api/v1/groups", FaultKind.Timeout, 2);
        using var cancel = new CancellationTokenSource();
        var hanging = Enumerable.Range(0, 2).Select(_ => sim.Client().GetAsync("/api/v1/groups", cancel.Token)).ToList();
        while (sim.Host.GetStats().MaxInFlight < 2)
        {
            await Task.Delay(10);
        }

        using var rejected = await sim.Client().GetAsync("/api/v1/users?limit=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal("E0000047", await rejected.ErrorCodeAsync());
        Assert.Equal("0", rejected.Header("X-Rate-Limit-Limit"));
        Assert.Equal("0", rejected.Header("X-Rate-Limit-Remaining"));
        Assert.True(long.Parse(rejected.Header("X-Rate-Limit-Reset")) >= rejected.Headers.Date!.Value.ToUnixTimeSeconds());

        Assert.Equal(1, sim.Host.GetStats().ConcurrencyRejected);
        await cancel.CancelAsync();
        foreach (var request in hanging)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        }
        // The server notices the aborted requests asynchronously.
        while (sim.Host.GetStats().InFlight > 0)
        {
            await Task.Delay(10);
        }
        using var afterwards = await sim.Client().GetAsync("/api/v1/users?limit=1");
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }
}
