using System.Management.Automation;
using OktaBaton.PowerShell.Tests.Infrastructure;

namespace OktaBaton.PowerShell.Tests.Sync;

/// <summary>Invoke-OktaSync -Incremental and -Since in a hosted runspace, against an org of its own (these tests change it).</summary>
public sealed class IncrementalSyncTests : IAsyncLifetime, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oktabaton-ps-incremental-").FullName;
    private SimulatedOrg _org = null!;

    public async Task InitializeAsync() => _org = await SimulatedOrg.StartAsync();

    public async Task DisposeAsync() => await _org.DisposeAsync();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private PowerShellRun Run(string script, bool verbose = false)
    {
        using var session = new ModuleSession();
        return session.Run("Connect-Okta -Domain $domain -ApiToken $token; " + script,
            new Dictionary<string, object?>
            {
                ["domain"] = _org.Host.BaseUrl.ToString().TrimEnd('/'),
                ["token"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken),
                ["dir"] = _dir,
            }, verbose: verbose);
    }

    private static T Property<T>(PSObject summary, string name) => (T)summary.Properties[name].Value;

    [Fact]
    public void IncrementalWritesAFullSyncFirstThenRefreshesThatFileInPlace()
    {
        var first = Run("Invoke-OktaSync -Path ([IO.Path]::Combine($dir, 'okta.json')) -Incremental", verbose: true);
        first.AssertNoErrors();
        var full = Assert.Single(first.Output);
        Assert.Equal("Full", full.Properties["Mode"].Value.ToString());
        Assert.Contains("there is no earlier sync file", Property<string>(full, "ModeReason"), StringComparison.Ordinal);
        Assert.Null(full.Properties["RequestsSaved"].Value);
        Assert.Contains(first.Verbose, line => line.StartsWith("Ran a full sync: there is no earlier sync file", StringComparison.Ordinal));

        var second = Run(
            "Grant-OktaGroupMembership -GroupId (Get-OktaGroup -Name Sales).Id -UserId (Get-OktaUser noah.nguyen@acme.example).Id -Confirm:$false | Out-Null; " +
            "Invoke-OktaSync -Path ([IO.Path]::Combine($dir, 'okta.json')) -Incremental", verbose: true);
        second.AssertNoErrors();
        var refreshed = Assert.Single(second.Output);
        Assert.Equal("Incremental", refreshed.Properties["Mode"].Value.ToString());
        Assert.Null(refreshed.Properties["ModeReason"].Value);
        Assert.Equal(Property<string>(full, "SyncId"), Property<string>(refreshed, "RefreshedFrom"));
        Assert.True(Property<long>(refreshed, "Requests") < Property<long>(full, "Requests"));
        Assert.True(Property<long?>(refreshed, "RequestsSaved") > 0);
        // one membership more; the apps Noah reaches through Sales are Sales's grants, which he now inherits
        Assert.Equal(Property<long>(full, "Grants") + 1, Property<long>(refreshed, "Grants"));
        Assert.Contains(second.Verbose, line => line.StartsWith("Refreshed incrementally; about ", StringComparison.Ordinal));
        Assert.Equal(new[] { "okta.json" }, Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void SinceWritesTheRefreshBesideTheEarlierFileAndCompareShowsTheDrift()
    {
        var run = Run(
            "Invoke-OktaSync -Path ([IO.Path]::Combine($dir, 'monday.json')) | Out-Null; " +
            "Revoke-OktaGroupMembership -GroupId (Get-OktaGroup -Name Sales).Id -UserId (Get-OktaUser henry.hughes@acme.example).Id -Confirm:$false | Out-Null; " +
            "Invoke-OktaSync -Path ([IO.Path]::Combine($dir, 'tuesday.json')) -Since ([IO.Path]::Combine($dir, 'monday.json')); " +
            "Compare-OktaSync -ReferencePath ([IO.Path]::Combine($dir, 'monday.json')) -DifferencePath ([IO.Path]::Combine($dir, 'tuesday.json')) | Where-Object EntitlementId -like 'group:*'");
        run.AssertNoErrors();
        var summary = run.Output[0];
        Assert.Equal("Incremental", summary.Properties["Mode"].Value.ToString());
        var drift = Assert.Single(run.Output.Skip(1));
        Assert.Equal("Removed", drift.Properties["Change"].Value.ToString());
        Assert.Equal("henry.hughes@acme.example", drift.Properties["PrincipalLogin"].Value);
        Assert.True(File.Exists(PathOf("monday.json")) && File.Exists(PathOf("tuesday.json")));
    }

    [Fact]
    public void AFallbackSaysWhyInTheSummary()
    {
        var run = Run(
            "Invoke-OktaSync -Path ([IO.Path]::Combine($dir, 'plain.json')) | Out-Null; " +
            "Invoke-OktaSync -Path ([IO.Path]::Combine($dir, 'plain.json')) -Incremental -SyncSecrets");
        run.AssertNoErrors();
        var summary = Assert.Single(run.Output);
        Assert.Equal("Full", summary.Properties["Mode"].Value.ToString());
        Assert.StartsWith("the earlier sync file was synced with other options (syncSecrets: false then, true now", Property<string>(summary, "ModeReason"), StringComparison.Ordinal);
        Assert.Null(summary.Properties["RequestsSaved"].Value);
        Assert.True(Property<long>(summary, "ApiTokens") > 0);
    }

    [Fact]
    public void SinceAndIncrementalTogetherAreRefusedBeforeAnyRequest()
    {
        var before = _org.Host.GetStats().TotalRequests;
        using var session = new ModuleSession();
        var run = session.Run("Invoke-OktaSync -Path ([IO.Path]::Combine($dir, 'a.json')) -Since ([IO.Path]::Combine($dir, 'b.json')) -Incremental",
            new Dictionary<string, object?> { ["dir"] = _dir });

        var error = run.SingleError();
        Assert.Equal("OktaInvalidArgument", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("give one of them", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, _org.Host.GetStats().TotalRequests);
        Assert.Empty(Directory.GetFiles(_dir));
    }
}
