using System.Net.Http;
using System.Text.Json;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;
using OktaBaton.Simulator;
using Xunit;

namespace OktaBaton.Core.Tests.Okta;

/// <summary>Retries, timeouts and cancellation against the simulator's rate limits and injected faults.</summary>
public sealed class SimulatorResilienceTests
{
    [Fact]
    public async Task RateLimitedRequestsWaitForTheResetAndSucceed()
    {
        await using var org = await SimulatedOrg.StartAsync(o =>
        {
            o.BucketLimitOverrides["users-id"] = 2;
            o.RateWindowSeconds = 1;
        });
        // unpaced: this is about the retry of a 429, which the client's own scheduler would have avoided
        var client = org.Client(configure: o =>
        {
            o.MaxRetries = 4;
            o.PaceByRateLimits = false;
        });

        for (var i = 0; i < 3; i++)
        {
            var me = await client.GetAsync<OktaUser>("/api/v1/users/me", CancellationToken.None);
            Assert.False(string.IsNullOrEmpty(me.Id));
        }

        var served = org.Host.GetStats();
        Assert.True(client.Stats.RateLimited >= 1, "the third call must have met the tiny bucket");
        Assert.Equal(served.RateLimited, client.Stats.RateLimited);
        Assert.Equal(client.Stats.RateLimited, client.Stats.Retries);
        Assert.Equal(served.TotalRequests, client.Stats.Requests);
    }

    [Fact]
    public async Task GivesUpCleanlyAfterMaxRetries()
    {
        await using var org = await SimulatedOrg.StartAsync(o => o.BucketLimitOverrides["users-id"] = 1);
        var client = org.Client(configure: o =>
        {
            o.MaxRetries = 2;
            o.MaxRetryWait = TimeSpan.FromMilliseconds(50); // the real reset is a minute away
            o.PaceByRateLimits = false;
        });
        await client.GetAsync<OktaUser>("/api/v1/users/me", CancellationToken.None);

        var failure = await Assert.ThrowsAsync<OktaApiException>(() => client.GetAsync<OktaUser>("/api/v1/users/me", CancellationToken.None));

        Assert.True(failure.IsRateLimited);
        Assert.Equal("E0000047", failure.ErrorCode);
        Assert.Equal(3L, org.Host.GetStats().RateLimited);
        Assert.Equal((4L, 2L, 3L), (client.Stats.Requests, client.Stats.Retries, client.Stats.RateLimited));
    }

    [Fact]
    public async Task ConcurrencyLimited429sAreRetriedUntilEveryCallSucceeds()
    {
        await using var org = await SimulatedOrg.StartAsync(o =>
        {
            o.ConcurrencyLimit = 1;
            o.LatencyMs = 100;
        });
        var client = org.Client(configure: o =>
        {
            o.MaxRetries = 12;
            o.BaseBackoff = TimeSpan.FromMilliseconds(50);
            o.MaxRetryWait = TimeSpan.FromMilliseconds(400);
        });

        var calls = Enumerable.Range(0, 4).Select(_ => client.GetAsync<OktaUser>("/api/v1/users/me", CancellationToken.None));
        var users = await Task.WhenAll(calls);

        Assert.All(users, u => Assert.False(string.IsNullOrEmpty(u.Id)));
        var served = org.Host.GetStats();
        Assert.True(served.ConcurrencyRejected >= 1, "four parallel calls against a limit of one must meet the concurrency limit");
        Assert.Equal(served.ConcurrencyRejected, client.Stats.RateLimited);
        Assert.Equal(client.Stats.RateLimited, client.Stats.Retries);
    }

    [Fact]
    public async Task ServerErrorsAreRetriedForReads()
    {
        await using var org = await SimulatedOrg.StartAsync();
        var client = org.Client();
        org.Host.EnqueueFaults("/api/v1/users/me", FaultKind.ServiceUnavailable, 1);
        org.Host.EnqueueFaults("/api/v1/users/me", FaultKind.BadGateway, 1);

        var me = await client.GetAsync<OktaUser>("/api/v1/users/me", CancellationToken.None);

        Assert.Equal((await org.StateAsync()).GetProperty("tokenOwnerId").GetString(), me.Id);
        Assert.Equal(2L, org.Host.GetStats().FaultsServed);
        Assert.Equal((3L, 2L, 2L), (client.Stats.Requests, client.Stats.Retries, client.Stats.Faults));
    }

    [Fact]
    public async Task PostIsNotRepeatedAfterAServerError()
    {
        await using var org = await SimulatedOrg.StartAsync();
        var client = org.Client();
        org.Host.EnqueueFaults("/api/v1/groups", FaultKind.InternalServerError, 1);

        var failure = await Assert.ThrowsAsync<OktaApiException>(() => client.SendAsync<OktaGroup>(HttpMethod.Post, "/api/v1/groups",
            new { profile = new { name = "Retry probe" } }, CancellationToken.None));

        Assert.Equal(500, failure.StatusCode);
        Assert.Equal((1L, 0L), (client.Stats.Requests, client.Stats.Retries));
        var groups = (await org.StateAsync()).GetProperty("groups").EnumerateArray();
        Assert.DoesNotContain(groups, g => g.GetProperty("profile").GetProperty("name").GetString() == "Retry probe");
    }

    [Fact]
    public async Task ResetConnectionIsRetriedForReadsButNotForPost()
    {
        await using var org = await SimulatedOrg.StartAsync();
        var client = org.Client();
        org.Host.EnqueueFaults("/api/v1/users/me", FaultKind.ConnectionReset, 1);
        org.Host.EnqueueFaults("/api/v1/groups", FaultKind.ConnectionReset, 1);

        await client.GetAsync<OktaUser>("/api/v1/users/me", CancellationToken.None);
        await Assert.ThrowsAsync<OktaConnectionException>(() => client.SendAsync<OktaGroup>(HttpMethod.Post, "/api/v1/groups",
            new { profile = new { name = "Reset probe" } }, CancellationToken.None));

        Assert.Equal((3L, 1L, 2L), (client.Stats.Requests, client.Stats.Retries, client.Stats.Faults));
    }

    [Fact]
    public async Task TimedOutReadIsRetriedAndSucceeds()
    {
        await using var org = await SimulatedOrg.StartAsync();
        var client = org.Client(configure: o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));
        org.Host.EnqueueFaults("/api/v1/users/me", FaultKind.Timeout, 1);

        var me = await client.GetAsync<OktaUser>("/api/v1/users/me", CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(me.Id));
        Assert.Equal((2L, 1L, 1L), (client.Stats.Requests, client.Stats.Retries, client.Stats.Faults));
    }

    [Fact]
    public async Task TimeoutWithoutRetriesIsAnOktaTimeoutException()
    {
        await using var org = await SimulatedOrg.StartAsync();
        var client = org.Client(configure: o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 0;
        });
        org.Host.EnqueueFaults("/api/v1/users/me", FaultKind.Timeout, 1);

        var failure = await Assert.ThrowsAsync<OktaTimeoutException>(() => client.GetAsync<OktaUser>("/api/v1/users/me", CancellationToken.None));

        Assert.Equal(("GET", "/api/v1/users/me"), (failure.Method, failure.Path));
        Assert.Equal(TimeSpan.FromMilliseconds(300), failure.Timeout);
    }

    [Fact]
    public async Task CancellingAListingStopsItWithoutRetrying()
    {
        await using var org = await SimulatedOrg.StartAsync(o => o.LatencyMs = 50);
        var client = org.Client();
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.ListAsync<OktaUser>("/api/v1/users?limit=2", cancel.Token))
            {
                if (++seen == 3)
                {
                    cancel.Cancel();
                }
            }
        });

        Assert.Equal(3, seen);
        Assert.Equal((2L, 0L), (client.Stats.Requests, client.Stats.Retries));
    }

    [Fact]
    public async Task WritesWithAndWithoutBodiesChangeTheOrg()
    {
        await using var org = await SimulatedOrg.StartAsync();
        var client = org.Client();
        var userId = (await org.StateAsync()).GetProperty("tokenOwnerId").GetString();

        var group = await client.SendAsync<OktaGroup>(HttpMethod.Post, "/api/v1/groups",
            new { profile = new { name = "Client made", description = "by the client test" } }, CancellationToken.None);
        // A body-less PUT: Okta (and the simulator) answer 411 unless Content-Length: 0 is sent.
        await client.SendAsync(HttpMethod.Put, $"/api/v1/groups/{group.Id}/users/{userId}", null, CancellationToken.None);

        var stored = (await org.StateAsync()).GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("id").GetString() == group.Id);
        Assert.Equal("Client made", stored.GetProperty("profile").GetProperty("name").GetString());
        Assert.Equal(new[] { userId }, stored.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()));
    }
}
