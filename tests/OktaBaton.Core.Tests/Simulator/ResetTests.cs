using System.Net;
using OktaBaton.Simulator;
using Xunit;

namespace OktaBaton.Core.Tests.Simulator;

/// <summary>POST /__simulator/reset gives back the org as seeded: what examples and Pester files start from.</summary>
public sealed class ResetTests
{
    [Fact]
    public async Task Reset_undoes_writes_keeps_ids_and_forgets_stats_and_queued_faults()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.Client();
        var seeded = (await sim.StateAsync()).GetRawText();
        var sales = await sim.GroupIdAsync("Sales");

        using var created = await client.PostAsync("/api/v1/groups", HttpTestExtensions.JsonBody("{\"profile\":{\"name\":\"Night Shift\"}}"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        using var removed = await client.DeleteAsync($"/api/v1/groups/{sales}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        sim.Host.EnqueueFaults("/api/v1/groups", FaultKind.ServiceUnavailable, 5);
        Assert.NotEqual(seeded, (await sim.StateAsync()).GetRawText());

        using var admin = new HttpClient { BaseAddress = sim.Host.BaseUrl };
        using var reset = await admin.PostAsync("/__simulator/reset", content: null);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(seeded, (await sim.StateAsync()).GetRawText());
        Assert.Equal(0, sim.Host.GetStats().TotalRequests);
        using var groups = await client.GetAsync("/api/v1/groups");
        Assert.Equal(HttpStatusCode.OK, groups.StatusCode);
    }
}
