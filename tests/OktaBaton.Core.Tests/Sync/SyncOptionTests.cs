using OktaBaton.Core.Model;
using OktaBaton.Core.Sync;
using Xunit;

namespace OktaBaton.Core.Tests.Sync;

/// <summary>Each option against the truth computed with the same option, and against the default (it must change something).</summary>
public sealed class SyncOptionTests : IAsyncLifetime
{
    private SyncTestOrg _org = null!;

    public async Task InitializeAsync() => _org = await SyncTestOrg.StartAsync();

    public async Task DisposeAsync() => await _org.DisposeAsync();

    private async Task<SyncContents> AssertOptionAsync(SyncOptions options, ExpectedSync.Rules rules)
    {
        var (_, contents) = await _org.SyncAsync(options, name: Guid.NewGuid().ToString("N") + ".json");
        using var state = await _org.StateAsync();
        var expected = ExpectedSync.From(state, rules);
        var baseline = ExpectedSync.From(state, new ExpectedSync.Rules());
        Assert.Equal(expected.Resources, contents.ResourceIds);
        Assert.Equal(expected.Entitlements, contents.EntitlementIds);
        Assert.Equal(expected.Grants, contents.GrantIds);
        Assert.False(expected.Resources.SetEquals(baseline.Resources) && expected.Grants.SetEquals(baseline.Grants), "the option should change the sync");
        return contents;
    }

    [Fact]
    public Task SyncInactiveApps() => AssertOptionAsync(new SyncOptions { SyncInactiveApps = true }, new ExpectedSync.Rules { InactiveApps = true });

    [Fact]
    public Task SkipAppGroups() => AssertOptionAsync(new SyncOptions { SkipAppGroups = true }, new ExpectedSync.Rules { SkipAppGroups = true });

    [Fact]
    public async Task SkipDeprovisionedUsers()
    {
        var contents = await AssertOptionAsync(new SyncOptions { SkipDeprovisionedUsers = true }, new ExpectedSync.Rules { SkipDeprovisioned = true });
        Assert.DoesNotContain(contents.Resources, r => r.Trait("user")?.GetString("oktaStatus") == "DEPROVISIONED");
    }

    [Fact]
    public async Task EmailDomainFiltersUsersMembersAssigneesAndAppUsers()
    {
        var contents = await AssertOptionAsync(new SyncOptions { EmailDomains = { "contractors.example" } }, new ExpectedSync.Rules { EmailDomains = new[] { "contractors.example" } });
        Assert.All(contents.Resources.Where(r => r.Id.ResourceType == "user"),
            r => Assert.EndsWith("@contractors.example", r.Trait("user")!.GetString("login"), StringComparison.Ordinal));
        Assert.Contains(contents.Grants, g => g.Id.StartsWith("resourceset-binding:", StringComparison.Ordinal) || g.EntitlementId.StartsWith("group:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmailDomainMatchesSecondEmailUnlessSecondaryEmailsAreSkipped()
    {
        // quinn.quade@contractors.example has secondEmail quinn@quade.example
        var withSecond = await AssertOptionAsync(new SyncOptions { EmailDomains = { "quade.example" } }, new ExpectedSync.Rules { EmailDomains = new[] { "quade.example" } });
        Assert.Single(withSecond.Resources, r => r.Id.ResourceType == "user");
        var without = await AssertOptionAsync(new SyncOptions { EmailDomains = { "quade.example" }, SkipSecondaryEmails = true },
            new ExpectedSync.Rules { EmailDomains = new[] { "quade.example" }, SkipSecondaryEmails = true });
        Assert.DoesNotContain(without.Resources, r => r.Id.ResourceType == "user");
    }

    [Fact]
    public async Task SkipSecondaryEmailsDropsThemFromTraitsAndProfiles()
    {
        var (_, contents) = await _org.SyncAsync(new SyncOptions { SkipSecondaryEmails = true });
        var users = contents.Resources.Where(r => r.Id.ResourceType == "user").ToList();
        Assert.All(users, u => Assert.Null(u.Profile.Get("secondEmail")));
        Assert.All(users, u => Assert.True(((List<object?>)u.Trait("user")!.Get("emails")!).Count <= 1));
        var (_, defaults) = await _org.SyncAsync(name: "defaults.json");
        Assert.Contains(defaults.Resources, u => u.Profile.Get("secondEmail") is not null);
    }

    [Fact]
    public async Task GroupNameFilterKeepsGroupsStartingWithItAndTheirGrants()
    {
        var contents = await AssertOptionAsync(new SyncOptions { GroupNameFilter = "Eng" }, new ExpectedSync.Rules { GroupPrefix = "Eng" });
        Assert.Equal(new[] { "Engineering" }, contents.Resources.Where(r => r.Id.ResourceType == "group").Select(r => r.DisplayName));
    }

    [Fact]
    public async Task CiamWorkforcePresetReproducesThatConnector()
    {
        var options = new SyncOptions { EmailDomains = { "acme.example" }, GroupNameFilter = "S", SyncCustomRoles = true, ResourceTypes = { "user", "group", "role", "custom-role" } };
        var contents = await AssertOptionAsync(options, new ExpectedSync.Rules
        {
            EmailDomains = new[] { "acme.example" }, GroupPrefix = "S", CustomRoles = true, Types = new[] { "user", "group", "role", "custom-role" },
        });
        Assert.Equal(new[] { "user", "group", "role", "custom-role" }, contents.Header.ResourceTypes.Select(t => t.Id));
    }

    [Fact]
    public async Task ResourceTypeSelectionSyncsOnlyThoseTypes()
    {
        var contents = await AssertOptionAsync(new SyncOptions { ResourceTypes = { "app", "api-token" } }, new ExpectedSync.Rules { Types = new[] { "app", "api-token" } });
        Assert.Equal(new[] { "api-token", "app" }, contents.Resources.Select(r => r.Id.ResourceType).Distinct().OrderBy(t => t));
    }

    [Fact]
    public async Task RolesWithoutGroupsStillFindGroupRoleGrants()
    {
        var contents = await AssertOptionAsync(new SyncOptions { ResourceTypes = { "role" } }, new ExpectedSync.Rules { Types = new[] { "role" } });
        Assert.Contains(contents.Grants, g => g.Principal.ResourceType == "group");
    }

    [Fact]
    public async Task OptionsAreRecordedInTheFile()
    {
        var (_, contents) = await _org.SyncAsync(new SyncOptions { SkipAppGroups = true, EmailDomains = { "@Acme.Example" }, GroupNameFilter = "Eng" });
        var options = contents.Header.Options;
        Assert.Equal(true, options.Get("skipAppGroups"));
        Assert.Equal(false, options.Get("syncCustomRoles"));
        Assert.Equal(new object?[] { "acme.example" }, (List<object?>)options.Get("emailDomains")!);
        Assert.Equal("Eng", options.GetString("groupNameFilter"));
    }

    [Theory]
    [InlineData("widget", "not a resource type")]
    [InlineData("", "")]
    public async Task BadOptionsAreClearErrorsBeforeAnyRequest(string resourceType, string message)
    {
        var options = resourceType.Length > 0 ? new SyncOptions { ResourceTypes = { resourceType } } : new SyncOptions { EmailDomains = { "not a domain" } };
        _org.Host.ResetStats();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _org.SyncAsync(options));
        Assert.Contains(message.Length > 0 ? message : "is not an e-mail domain", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _org.Host.GetStats().TotalRequests);
        Assert.Empty(Directory.GetFiles(_org.Directory));
    }
}
