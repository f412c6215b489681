using System.Net;
using System.Text;
using OktaBaton.Simulator;
using Xunit;

namespace OktaBaton.Core.Tests.Simulator;

public sealed class FaultTests
{
    [Theory]
    [InlineData(FaultKind.InternalServerError, HttpStatusCode.InternalServerError)]
    [InlineData(FaultKind.ServiceUnavailable, HttpStatusCode.ServiceUnavailable)]
    [InlineData(FaultKind.BadGateway, HttpStatusCode.BadGateway)]
    [InlineData(FaultKind.GatewayTimeout, HttpStatusCode.GatewayTimeout)]
    public async Task Queued_faults_hit_the_next_matching_requests_only(FaultKind kind, HttpStatusCode status)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        sim.Host.EnqueueFaults("/api/v1/groups", kind, 2);
        var client = sim.Client();
        using var other = await client.GetAsync("/api/v1/users?limit=1");
        using var first = await client.GetAsync("/api/v1/groups");
        using var second = await client.GetAsync("/api/v1/groups/whatever/users");
        using var third = await client.GetAsync("/api/v1/groups");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(status, first.StatusCode);
        Assert.Equal(status, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.False(string.IsNullOrEmpty(first.Header("X-Okta-Request-Id")));
        Assert.False(string.IsNullOrEmpty(first.Header("X-Rate-Limit-Remaining")));
        Assert.Equal(2, sim.Host.GetStats().FaultsServed);
    }

    [Fact]
    public async Task Connection_reset_fails_the_request_at_the_transport()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        sim.Host.EnqueueFaults("/api/v1/apps", FaultKind.ConnectionReset, 1);
        var client = sim.Client();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/api/v1/apps"));
        using var retry = await client.GetAsync("/api/v1/apps");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
    }

    [Fact]
    public async Task Answer_lost_applies_the_write_then_drops_the_connection_and_only_matches_its_method()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        sim.Host.EnqueueFaults("/api/v1/groups", FaultKind.AnswerLost, 1, "POST");
        var client = sim.Client();
        using var read = await client.GetAsync("/api/v1/groups?q=Night");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        var create = new StringContent("{\"profile\":{\"name\":\"Night Shift\"}}", Encoding.UTF8, "application/json");
        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("/api/v1/groups", create));

        using var after = await client.GetAsync("/api/v1/groups?q=Night");
        Assert.Contains("Night Shift", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, sim.Host.GetStats().FaultsServed);
    }

    [Fact]
    public async Task Timeout_fault_hangs_until_the_client_gives_up()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        sim.Host.EnqueueFaults("/api/v1/users", FaultKind.Timeout, 1);
        var client = sim.Client();
        client.Timeout = TimeSpan.FromMilliseconds(300);
        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => client.GetAsync("/api/v1/users"));
    }

    [Fact]
    public async Task Faults_can_be_queued_over_http()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var admin = new HttpClient { BaseAddress = sim.Host.BaseUrl };
        using var queued = await admin.PostAsync("/__simulator/faults", new StringContent("{\"pathPrefix\":\"/api/v1/iam\",\"kind\":\"ServiceUnavailable\",\"count\":1}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, queued.StatusCode);
        using var bad = await admin.PostAsync("/__simulator/faults", new StringContent("{\"pathPrefix\":\"/api\",\"kind\":\"Explode\",\"count\":1}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var faulted = await sim.Client().GetAsync("/api/v1/iam/roles");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);

        var stats = await (await admin.GetAsync("/__simulator/stats")).JsonAsync();
        Assert.Equal(1, stats.GetProperty("faultsServed").GetInt64());
        Assert.Equal(1, stats.GetProperty("totalRequests").GetInt64());
        using var reset = await admin.PostAsync("/__simulator/stats/reset", null);
        Assert.Equal(0, sim.Host.GetStats().TotalRequests);
    }

    [Fact]
    public async Task Random_faults_follow_the_seed()
    {
        async Task<List<int>> RunAsync()
        {
            await using var sim = await SimulatorFixture.StartAsync(o =>
            {
                o.FaultRate = 0.5;
                o.FaultSeed = 42;
            });
            var client = sim.Client();
            var outcomes = new List<int>();
            for (var i = 0; i < 20; i++)
            {
                try
                {
                    using var response = await client.GetAsync("/api/v1/groups?limit=1");
                    outcomes.Add((int)response.StatusCode);
                }
                catch (HttpRequestException)
                {
                    outcomes.Add(-1);
                }
            }
            return outcomes;
        }
        var first = await RunAsync();
        var second = await RunAsync();
        Assert.Equal(first, second);
        Assert.Contains(200, first);
        Assert.Contains(first, o => o != 200);
        Assert.All(first, o => Assert.Contains(o, new[] { 200, 500, 503, -1 }));
    }
}
