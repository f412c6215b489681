using OktaBaton.PowerShell.Tests.Infrastructure;

namespace OktaBaton.PowerShell.Tests.Reliability;

/// <summary>
/// Bad sync input is a clear, categorised error before any request: an e-mail domain that could match no one (a
/// wildcard, a path) would otherwise give a file of no users — an org where, apparently, nobody has access.
/// </summary>
[Trait("Suite", "Reliability")]
public sealed class SyncInputTests(SimulatedOrg org) : IClassFixture<SimulatedOrg>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oktabaton-rel-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private PowerShellRun Sync(string arguments)
    {
        using var session = new ModuleSession();
        return session.Run("Connect-Okta -Domain $domain -ApiToken $token; Invoke-OktaSync -Path $path " + arguments,
            new Dictionary<string, object?> { ["domain"] = org.Domain, ["token"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken), ["path"] = Path.Combine(_dir, "sync.json") });
    }

    [Theory]
    [InlineData("'*'")]
    [InlineData("'*.acme.example'")]
    [InlineData("'acme.example/..'")]
    [InlineData("'..'")]
    [InlineData("'acme..example'")]
    [InlineData("'acme example'")]
    [InlineData("'acme.example', '-bad.example'")]
    public void AnEmailDomainThatCouldMatchNoOneIsRefusedBeforeAnyRequest(string domains)
    {
        org.Host.ResetStats();

        var run = Sync("-EmailDomain " + domains);

        var error = run.SingleError();
        Assert.Equal("OktaInvalidArgument", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("is not an e-mail domain such as example.com:", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, org.Host.GetStats().TotalRequests); // Connect-Okta's probe only
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void DomainsWrittenAsPeopleWriteThemStillWork()
    {
        var run = Sync("-EmailDomain '@Contractors.Example', ' quade.example ' -ResourceType user");

        run.AssertNoErrors();
        Assert.True((long)Assert.Single(run.Output).Properties["Users"].Value > 0);
    }
}
