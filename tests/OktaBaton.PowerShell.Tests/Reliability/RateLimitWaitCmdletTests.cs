using System.Management.Automation;
using OktaBaton.PowerShell.Tests.Infrastructure;
using OktaBaton.Simulator;

namespace OktaBaton.PowerShell.Tests.Reliability;

/// <summary>
/// A command held by Okta's rate limit says what it waits for (verbose and progress), and a reset beyond
/// Connect-Okta -MaxRateLimitWaitSec fails at once with OktaRateLimited naming when to try again.
/// </summary>
[Trait("Suite", "Reliability")]
public sealed class RateLimitWaitCmdletTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oktabaton-rel-ratelimit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<SimulatedOrg> OrgWithATinyUsersBucketAsync(int windowSeconds) => SimulatedOrg.StartAsync(o =>
    {
        o.RateLimits = RateLimitMode.Workforce;
        o.RateWindowSeconds = windowSeconds;
        o.BucketLimitOverrides["users-list"] = 4;
    });

    private PowerShellRun Sync(SimulatedOrg org, int maxWaitSec)
    {
        using var session = new ModuleSession();
        return session.Run("Connect-Okta -Domain $domain -ApiToken $token -MaxRateLimitWaitSec $max; Invoke-OktaSync -Path $path -ResourceType user",
            new Dictionary<string, object?>
            {
                ["domain"] = org.Domain, ["token"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken), ["max"] = maxWaitSec,
                ["path"] = Path.Combine(_dir, "sync.json"),
            }, verbose: true);
    }

    [Fact]
    public async Task AResetBeyondTheMaximumWaitFailsTheSyncAtOnceAndSaysWhen()
    {
        await using var org = await OrgWithATinyUsersBucketAsync(windowSeconds: 3600);

        var run = Sync(org, maxWaitSec: 5);

        var error = run.SingleError();
        Assert.Equal("OktaRateLimited", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
        Assert.Contains("longer than the maximum wait of 5 s (Connect-Okta -MaxRateLimitWaitSec)", error.Exception.Message, StringComparison.Ordinal);
        Assert.Matches(@"Try again after \d\d:\d\d:\d\d UTC", error.Exception.Message);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task AWaitForTheResetIsShownAsVerboseAndProgress()
    {
        await using var org = await OrgWithATinyUsersBucketAsync(windowSeconds: 3);

        var run = Sync(org, maxWaitSec: 60);

        run.AssertNoErrors();
        Assert.Contains(run.Verbose, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^Waiting \d+ s for Okta's rate limit on users-list to reset at \d\d:\d\d:\d\d UTC\.$"));
        Assert.Contains(run.Progress, p => p.Activity == "Waiting for Okta's rate limit" && p.SecondsRemaining > 0);
        Assert.Contains(run.Progress, p => p.Activity == "Waiting for Okta's rate limit" && p.RecordType == ProgressRecordType.Completed);
    }
}
