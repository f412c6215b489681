using System.Text.Json;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;
using Xunit;

namespace OktaBaton.Core.Tests.Okta;

/// <summary>Listing through the client against the simulator, checked against the simulator's own state.</summary>
public sealed class SimulatorPagingTests : IAsyncLifetime
{
    private SimulatedOrg _org = null!;

    public async Task InitializeAsync() => _org = await SimulatedOrg.StartAsync();

    public async Task DisposeAsync() => await _org.DisposeAsync();

    [Fact]
    public async Task ListsEveryUserAcrossManyPagesKeepingEveryProfileAttribute()
    {
        var state = await _org.StateAsync();
        var expected = state.GetProperty("users").EnumerateArray()
            .Where(u => u.GetProperty("status").GetString() != "DEPROVISIONED")
            .ToDictionary(u => u.GetProperty("id").GetString()!, u => u.GetProperty("profile"));
        var client = _org.Client();

        var pages = await client.ListPagesAsync<OktaUser>("/api/v1/users?limit=3", CancellationToken.None).ToListAsync();

        Assert.Equal((expected.Count + 2) / 3, pages.Count);
        Assert.All(pages, page => Assert.InRange(page.Count, 1, 3));
        var users = pages.SelectMany(p => p).ToList();
        Assert.Equal(expected.Keys.OrderBy(id => id, StringComparer.Ordinal), users.Select(u => u.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal(pages.Count, client.Stats.Requests);
        Assert.Contains(users, u => u.Profile.Extra.Count > 0);
        foreach (var user in users)
        {
            var written = JsonSerializer.SerializeToElement(user.Profile, OktaJson.Options);
            // Null attributes may be left out when written again; every attribute with a value must survive.
            foreach (var attribute in expected[user.Id].EnumerateObject().Where(a => a.Value.ValueKind != JsonValueKind.Null))
            {
                Assert.True(written.TryGetProperty(attribute.Name, out var kept), $"{user.Id} lost profile attribute {attribute.Name}");
                Assert.Equal(attribute.Value.GetRawText(), kept.GetRawText());
            }
        }
    }

    [Fact]
    public async Task GroupStatsMatchTheOrg()
    {
        var state = await _org.StateAsync();
        var memberCounts = state.GetProperty("groups").EnumerateArray()
            .ToDictionary(g => g.GetProperty("id").GetString()!, g => g.GetProperty("memberIds").GetArrayLength());
        var withRoles = state.GetProperty("groupRoles").EnumerateArray().Select(r => r.GetProperty("groupId").GetString()).ToHashSet();
        var client = _org.Client();

        var groups = await client.ListAsync<OktaGroup>("/api/v1/groups?expand=stats&limit=2", CancellationToken.None).ToListAsync();

        Assert.Equal(memberCounts.Keys.Order(StringComparer.Ordinal), groups.Select(g => g.Id).Order(StringComparer.Ordinal));
        Assert.All(groups, g => Assert.Equal(memberCounts[g.Id], g.Stats!.UsersCount));
        Assert.All(groups, g => Assert.Equal(withRoles.Contains(g.Id), g.Stats!.HoldsAdminPrivilege));
        Assert.Contains(groups, g => g.Stats!.HoldsAdminPrivilege);
    }

    [Fact]
    public async Task IamBodyPagingFollowsLinksNext()
    {
        var client = _org.Client();

        var pagedByOne = await client.ListIamAsync<OktaAssignee>("/api/v1/iam/assignees/users?limit=1", "value", CancellationToken.None).ToListAsync();
        var requestsForPaged = client.Stats.Requests;
        var inOnePage = await client.ListIamAsync<OktaAssignee>("/api/v1/iam/assignees/users?limit=100", "value", CancellationToken.None).ToListAsync();

        Assert.True(pagedByOne.Count >= 2, "the demo org should have several admin-role holders");
        // Okta's /iam next links carry only the cursor, so the page after a limit=1 page has the default size.
        Assert.Equal(2, requestsForPaged);
        Assert.Equal(inOnePage.Select(a => a.Id), pagedByOne.Select(a => a.Id));
        Assert.Equal(pagedByOne.Count, pagedByOne.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public async Task ResourceSetsAndCustomRolesReadFromTheirArrays()
    {
        var state = await _org.StateAsync();
        var client = _org.Client();

        var sets = await client.ListIamAsync<OktaResourceSet>("/api/v1/iam/resource-sets", "resource-sets", CancellationToken.None).ToListAsync();
        var roles = await client.ListIamAsync<OktaIamRole>("/api/v1/iam/roles", "roles", CancellationToken.None).ToListAsync();

        Assert.Equal(state.GetProperty("resourceSets").EnumerateArray().Select(s => s.GetProperty("id").GetString()).Order(StringComparer.Ordinal),
            sets.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.NotEmpty(roles);
        Assert.All(roles, r => Assert.False(string.IsNullOrEmpty(r.Label)));
    }
}
