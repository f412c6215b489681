using OktaBaton.PowerShell.Tests.Infrastructure;

namespace OktaBaton.PowerShell.Tests.Connection;

public sealed class RequestTraceTests(SimulatedOrg org) : IClassFixture<SimulatedOrg>
{
    [Fact]
    public void DebugShowsEveryRequestWithItsRequestIdButNeverTheToken()
    {
        var path = Path.Combine(Path.GetTempPath(), "oktabaton-trace-" + Guid.NewGuid().ToString("N") + ".json");
        org.Host.ResetStats();
        using var session = new ModuleSession();
        var run = session.Run(
            "Connect-Okta -Domain $domain -ApiToken $token; Invoke-OktaSync -Path $path -ResourceType user, group -Debug",
            new Dictionary<string, object?> { ["domain"] = org.Domain, ["token"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken), ["path"] = path },
            verbose: true);
        File.Delete(path);

        run.AssertNoErrors();
        var requests = run.Debug.Where(line => line.StartsWith("GET /api/v1/", StringComparison.Ordinal)).ToList();
        Assert.Contains(requests, line => line.StartsWith("GET /api/v1/users?", StringComparison.Ordinal) && line.Contains("-> 200", StringComparison.Ordinal));
        Assert.All(requests, line => Assert.Matches(@"request id \S+$", line));
        var sent = org.Host.GetStats().TotalRequests;
        Assert.Equal(sent - 1, requests.Count); // every request of the sync; Connect-Okta's probe ran without -Debug
        Assert.DoesNotContain(SimulatedOrg.SuperAdminToken, run.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutDebugNothingIsTraced()
    {
        var path = Path.Combine(Path.GetTempPath(), "oktabaton-trace-" + Guid.NewGuid().ToString("N") + ".json");
        using var session = new ModuleSession();
        var run = session.Run(
            "Connect-Okta -Domain $domain -ApiToken $token; Invoke-OktaSync -Path $path -ResourceType user",
            new Dictionary<string, object?> { ["domain"] = org.Domain, ["token"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken), ["path"] = path },
            debug: false);
        File.Delete(path);

        run.AssertNoErrors();
        Assert.Empty(run.Debug);
    }
}
