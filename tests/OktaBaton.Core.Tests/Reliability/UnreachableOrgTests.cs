using System.Text.Json;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Tests.Okta;
using Xunit;

namespace OktaBaton.Core.Tests.Reliability;

/// <summary>
/// When the org goes away mid-pipeline, only the first request spends its retries finding out: the next ones fail at
/// once, saying why, until a probe gets through — and the first answer from the org lets everything through again.
/// </summary>
[Trait("Suite", "Reliability")]
public sealed class UnreachableOrgTests
{
    private static ScriptedServer Org(int? port = null) =>
        new((_, response) => ScriptedServer.WriteJsonAsync(response, 200, "{\"id\":\"00u1\"}"), port);

    [Fact]
    public async Task AfterTheOrgIsUnreachableLaterRequestsFailAtOnceWithoutSending()
    {
        var server = Org();
        using var client = TestClients.For(server.Domain, configure: o => o.UnreachableProbeInterval = TimeSpan.FromHours(1));
        await client.GetAsync<JsonElement>("/api/v1/users/00u1", CancellationToken.None);
        server.Dispose(); // the org is gone: connections are refused

        var first = await Assert.ThrowsAsync<OktaConnectionException>(() => client.GetAsync<JsonElement>("/api/v1/users/00u1", CancellationToken.None));
        var attemptsAfterFirst = client.Stats.Requests;
        var later = new List<OktaConnectionException>();
        for (var i = 0; i < 20; i++)
        {
            later.Add(await Assert.ThrowsAsync<OktaConnectionException>(() => client.SendAsync(HttpMethod.Put, "/api/v1/groups/00g1/users/00u" + i, null, CancellationToken.None)));
        }

        Assert.Equal(1 + 4, attemptsAfterFirst); // the one that found out tried four times (three retries)
        Assert.Equal(attemptsAfterFirst, client.Stats.Requests); // the twenty after it sent nothing
        Assert.All(later, e => Assert.Contains("not sent, because the org could not be reached", e.Message, StringComparison.Ordinal));
        Assert.All(later, e => Assert.Contains("one request tries again from", e.Message, StringComparison.Ordinal));
        Assert.DoesNotContain("not sent", first.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProbeThatGetsThroughLetsEverythingThroughAgain()
    {
        var server = Org();
        var port = server.Port;
        using var client = TestClients.For(server.Domain, configure: o => o.UnreachableProbeInterval = TimeSpan.Zero);
        server.Dispose();
        await Assert.ThrowsAsync<OktaConnectionException>(() => client.GetAsync<JsonElement>("/api/v1/users/00u1", CancellationToken.None));
        var beforeProbe = client.Stats.Requests;

        // still down: the probe tries once, and fails at once
        await Assert.ThrowsAsync<OktaConnectionException>(() => client.GetAsync<JsonElement>("/api/v1/users/00u1", CancellationToken.None));
        Assert.Equal(beforeProbe + 1, client.Stats.Requests);

        using var back = Org(port);
        var user = await client.GetAsync<JsonElement>("/api/v1/users/00u1", CancellationToken.None);
        var again = await client.GetAsync<JsonElement>("/api/v1/users/00u1", CancellationToken.None);

        Assert.Equal("00u1", user.GetProperty("id").GetString());
        Assert.Equal("00u1", again.GetProperty("id").GetString());
        Assert.Equal(2, back.Requests.Count);
    }

    [Fact]
    public async Task ASingleDroppedWriteDoesNotStopTheNextRequest()
    {
        await using var org = await SimulatedOrg.StartAsync();
        var client = org.Client(configure: o => o.UnreachableProbeInterval = TimeSpan.FromHours(1));
        org.Host.EnqueueFaults("/api/v1/groups", OktaBaton.Simulator.FaultKind.ConnectionReset, 1, "POST");

        // the write's connection drops after it was sent: it may have landed, so it is not retried — but the org is there
        await Assert.ThrowsAsync<OktaConnectionException>(() => client.SendAsync(HttpMethod.Post, "/api/v1/groups", new { profile = new { name = "Reset" } }, CancellationToken.None));
        var groups = await client.GetAsync<JsonElement>("/api/v1/groups?limit=1", CancellationToken.None);

        Assert.Equal(JsonValueKind.Array, groups.ValueKind);
    }
}
