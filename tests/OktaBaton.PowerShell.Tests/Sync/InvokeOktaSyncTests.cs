using System.Management.Automation;
using System.Text.Json;
using OktaBaton.PowerShell.Tests.Infrastructure;

namespace OktaBaton.PowerShell.Tests.Sync;

public sealed class InvokeOktaSyncTests(SimulatedOrg org) : IClassFixture<SimulatedOrg>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oktabaton-ps-sync-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private PowerShellRun Sync(string arguments, string token = SimulatedOrg.SuperAdminToken, string name = "sync.json")
    {
        using var session = new ModuleSession();
        var path = Path.Combine(_dir, name);
        return session.Run($"Connect-Okta -Domain $domain -ApiToken $token; Invoke-OktaSync -Path $path {arguments}",
            new Dictionary<string, object?> { ["domain"] = org.Host.BaseUrl.ToString().TrimEnd('/'), ["token"] = SimulatedOrg.Secure(token), ["path"] = path });
    }

    private static long Count(PowerShellRun run, string property) => (long)Assert.Single(run.Output).Properties[property].Value;

    private async Task<JsonElement[]> StateArrayAsync(string name)
    {
        using var state = await org.StateAsync();
        return state.RootElement.GetProperty(name).EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    [Fact]
    public async Task SyncsTheOrgAndReturnsASummaryWithProgressPerPhase()
    {
        var run = Sync("");
        run.AssertNoErrors();
        var summary = Assert.Single(run.Output);
        Assert.Equal("OktaBaton.PowerShell.Sync.OktaSyncSummary", summary.TypeNames[0]);
        Assert.Equal(Path.Combine(_dir, "sync.json"), summary.Properties["Path"].Value);
        Assert.Equal((await StateArrayAsync("users")).Length, Count(run, "Users"));
        Assert.Equal((await StateArrayAsync("groups")).Length, Count(run, "Groups"));
        Assert.Equal(13, Count(run, "Roles"));
        Assert.Equal(0, Count(run, "CustomRoles"));
        Assert.True(Count(run, "Grants") > 100);
        Assert.True(Count(run, "Requests") > 10);
        Assert.Empty((string[])summary.Properties["Warnings"].Value);
        Assert.True(File.Exists(Path.Combine(_dir, "sync.json")));
        var activities = run.Progress.Select(p => p.Activity).Distinct().ToList();
        Assert.Contains("Users", activities);
        Assert.Contains("Group members", activities);
        Assert.Contains(run.Progress, p => p.Activity == "Admin roles of groups" && p.StatusDescription.Contains(" of ", StringComparison.Ordinal) && p.PercentComplete > 0);
        Assert.Contains(run.Progress, p => p.RecordType == ProgressRecordType.Completed);
        Assert.DoesNotContain(SimulatedOrg.SuperAdminToken, run.AllText() + File.ReadAllText(Path.Combine(_dir, "sync.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CiamWorkforceSyncsOnlyTheDomainsUsersGroupsAndRoles()
    {
        var run = Sync("-CiamWorkforce -EmailDomain contractors.example");
        run.AssertNoErrors();

        static bool InDomain(JsonElement profile, string field) =>
            profile.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString()!.EndsWith("@contractors.example", StringComparison.OrdinalIgnoreCase);
        var contractors = (await StateArrayAsync("users")).Select(u => u.GetProperty("profile"))
            .Count(p => InDomain(p, "email") || InDomain(p, "secondEmail") || InDomain(p, "login"));
        Assert.Equal(contractors, Count(run, "Users"));
        Assert.Equal(0, Count(run, "Apps"));
        Assert.Equal(0, Count(run, "ApiTokens"));
        Assert.True(Count(run, "CustomRoles") > 0);
    }

    [Fact]
    public void CiamWorkforceWithoutAnEmailDomainIsRefused()
    {
        var run = Sync("-CiamWorkforce");
        Assert.Equal("OktaInvalidArgument", run.SingleError().FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("-EmailDomain", run.Errors[0].Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SyncCustomRolesAndSyncSecretsAddTheirTypes()
    {
        var run = Sync("-SyncCustomRoles -SyncSecrets");
        run.AssertNoErrors();
        Assert.Equal(3, Count(run, "CustomRoles"));
        Assert.Equal(2, Count(run, "ResourceSets"));
        Assert.Equal(2, Count(run, "ResourceSetBindings"));
        Assert.Equal(3, Count(run, "ApiTokens"));
    }

    [Fact]
    public async Task SyncInactiveAppsAddsTheInactiveOnes()
    {
        var apps = await StateArrayAsync("apps");
        Assert.Equal(apps.Count(a => a.GetProperty("status").GetString() == "ACTIVE"), Count(Sync(""), "Apps"));
        Assert.Equal(apps.Length, Count(Sync("-SyncInactiveApps", name: "all.json"), "Apps"));
    }

    [Fact]
    public async Task SkipAppGroupsAndSkipDeprovisionedUsersDropWhatTheySay()
    {
        var groups = await StateArrayAsync("groups");
        var users = await StateArrayAsync("users");
        var run = Sync("-SkipAppGroups -SkipDeprovisionedUsers");
        run.AssertNoErrors();
        Assert.Equal(groups.Count(g => g.GetProperty("type").GetString() != "APP_GROUP"), Count(run, "Groups"));
        Assert.Equal(users.Count(u => u.GetProperty("status").GetString() != "DEPROVISIONED"), Count(run, "Users"));
    }

    [Fact]
    public async Task EmailDomainAndGroupNameFilterNarrowTheSync()
    {
        var users = await StateArrayAsync("users");
        var run = Sync("-EmailDomain contractors.example, quade.example -GroupNameFilter Eng -ResourceType user, group, role");
        run.AssertNoErrors();
        Assert.Equal(users.Count(u => u.GetProperty("profile").GetProperty("login").GetString()!.EndsWith("@contractors.example", StringComparison.Ordinal)), Count(run, "Users"));
        Assert.Equal(1, Count(run, "Groups"));
        Assert.Equal(0, Count(run, "Apps"));
    }

    [Fact]
    public void SkipSecondaryEmailsKeepsThemOutOfTheFile()
    {
        Sync("-SkipSecondaryEmails").AssertNoErrors();
        Assert.DoesNotContain("personal.example", File.ReadAllText(Path.Combine(_dir, "sync.json")), StringComparison.Ordinal);
        Sync("", name: "with.json").AssertNoErrors();
        Assert.Contains("personal.example", File.ReadAllText(Path.Combine(_dir, "with.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void ResourceTypeAndThrottleLimitAreHonoured()
    {
        var run = Sync("-ResourceType app -ThrottleLimit 1");
        run.AssertNoErrors();
        Assert.True(Count(run, "Apps") > 0);
        Assert.Equal(0, Count(run, "Users"));
        Assert.Equal(0, Count(run, "Groups"));
    }

    [Fact]
    public void ARateLimitShareTakesTheSameFileAndAShareOfZeroIsAParameterError()
    {
        var paced = Sync("-RateLimitShare 0.25 -ThrottleLimit 4");
        paced.AssertNoErrors();
        Assert.True(Count(paced, "Grants") > 100);

        var error = Sync("-RateLimitShare 0", name: "zero.json").SingleError();
        Assert.Contains("ParameterArgumentValidationError", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "zero.json")));
    }

    [Fact]
    public void AnUnknownResourceTypeIsAParameterError()
    {
        var run = Sync("-ResourceType widget");
        var error = run.SingleError();
        Assert.Contains("ParameterArgumentValidationError", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "sync.json")));
    }

    [Fact]
    public void ABadEmailDomainIsAnInvalidArgumentBeforeAnyFile()
    {
        var error = Sync("-EmailDomain 'not a domain'").SingleError();
        Assert.Equal("OktaInvalidArgument", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void ReadOnlyTokenWarnsAboutWhatItCouldNotRead()
    {
        var run = Sync("", SimulatedOrg.ReadOnlyToken);
        run.AssertNoErrors();
        Assert.Contains(run.Warnings, w => w.Contains("E0000006", StringComparison.Ordinal) && w.Contains("/api/v1/iam/assignees/users", StringComparison.Ordinal));
        Assert.Equal(run.Warnings.Count, ((string[])Assert.Single(run.Output).Properties["Warnings"].Value).Length);

        using var session = new ModuleSession();
        var query = session.Run("Get-OktaSyncGrant -Path $path -ResourceType group", new Dictionary<string, object?> { ["path"] = Path.Combine(_dir, "sync.json") });
        query.AssertNoErrors();
        Assert.NotEmpty(query.Output);
        Assert.Equal(run.Warnings.Count, query.Warnings.Count);
        Assert.All(query.Warnings, w => Assert.StartsWith("This sync file is incomplete: ", w, StringComparison.Ordinal));
    }

    [Fact]
    public void ConnectionParameterWinsOverTheSessionConnection()
    {
        // the read-only connection comes from another runspace: in this one, a second Connect-Okta would replace (and dispose) it
        using var other = new ModuleSession();
        var domain = org.Host.BaseUrl.ToString().TrimEnd('/');
        var readOnly = Assert.Single(other.Run("Connect-Okta -Domain $domain -ApiToken $token -PassThru",
            new Dictionary<string, object?> { ["domain"] = domain, ["token"] = SimulatedOrg.Secure(SimulatedOrg.ReadOnlyToken) }).Output);
        using var session = new ModuleSession();
        var run = session.Run("Connect-Okta -Domain $domain -ApiToken $super; Invoke-OktaSync -Path $path -Connection $c -ResourceType role",
            new Dictionary<string, object?>
            {
                ["domain"] = domain, ["path"] = Path.Combine(_dir, "conn.json"), ["c"] = readOnly,
                ["super"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken),
            });
        run.AssertNoErrors();
        Assert.Equal(13, Count(run, "Roles"));
        Assert.Contains(run.Warnings, w => w.Contains("E0000006", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutAConnectionItSaysSo()
    {
        using var session = new ModuleSession();
        var run = session.Run("Invoke-OktaSync -Path $path", new Dictionary<string, object?> { ["path"] = Path.Combine(_dir, "x.json") });
        Assert.Equal("OktaNotConnected", run.SingleError().FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void AMissingDirectoryFailsAndWritesNothing()
    {
        var run = Sync("", name: Path.Combine("no-such-dir", "sync.json"));
        Assert.NotNull(run.SingleError());
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }
}
