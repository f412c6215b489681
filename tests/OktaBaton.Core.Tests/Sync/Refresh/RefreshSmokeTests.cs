using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OktaBaton.Core.Sync;
using Xunit;

namespace OktaBaton.Core.Tests.Sync.Refresh;

public sealed class RefreshSmokeTests
{
    /// <summary>The demo org on a clock that can be moved, synced in full to <see cref="FirstFile"/>, then half an hour on.</summary>
    private static async Task<SyncTestOrg> SyncedAsync(SyncOptions options)
    {
        var clock = new SteppedClock();
        var org = await SyncTestOrg.StartAsync(o => o.OrgClock = clock);
        await Engine(org).RunAsync(FirstFile(org), options, null, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(30));
        return org;
    }

    private static string FirstFile(SyncTestOrg org) => org.PathFor("first.json");

    // a client per sync, as separate runs would have: each learns the org's clock afresh
    private static SyncEngine Engine(SyncTestOrg org) => new(org.Client(paceByRateLimits: false));

    private static HttpClient SuperAdmin(SyncTestOrg org)
    {
        var http = new HttpClient { BaseAddress = org.Host.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("SSWS", "tok-super-admin");
        return http;
    }

    private static string UserId(JsonDocument state, string login) => IdOf(state, "users", u => u.GetProperty("profile").GetProperty("login").GetString() == login);

    private static string GroupId(JsonDocument state, string name) => IdOf(state, "groups", g => g.GetProperty("profile").GetProperty("name").GetString() == name);

    private static string AppId(JsonDocument state, string label) => IdOf(state, "apps", a => a.GetProperty("label").GetString() == label);

    private static string IdOf(JsonDocument state, string list, Func<JsonElement, bool> match) =>
        state.RootElement.GetProperty(list).EnumerateArray().First(match).GetProperty("id").GetString()!;

    [Fact]
    public async Task ARefreshAfterChangesEqualsAFullSync()
    {
        var options = new SyncOptions { SyncCustomRoles = true, SyncSecrets = true };
        await using var org = await SyncedAsync(options);
        var first = FirstFile(org);

        using var http = SuperAdmin(org);
        using var state = await org.StateAsync();
        var sales = GroupId(state, "Sales");
        var dave = state.RootElement.GetProperty("users")[5].GetProperty("id").GetString()!;
        (await http.PutAsync($"/api/v1/groups/{sales}/users/{dave}", null)).EnsureSuccessStatusCode();
        (await http.PostAsync($"/api/v1/users/{dave}", new StringContent("{\"profile\":{\"title\":\"Chief\"}}", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var refreshed = org.PathFor("refreshed.json");
        var result = await Engine(org).RefreshAsync(refreshed, first, options, null, CancellationToken.None);
        var full = org.PathFor("full.json");
        var fullResult = await Engine(org).RunAsync(full, options, null, CancellationToken.None);

        Assert.True(result.Mode == SyncMode.Incremental, result.ModeReason);
        SyncFileEquality.AssertEqual(full, refreshed, "after a membership and a profile change");
        Assert.True(result.Requests < fullResult.Requests, $"{result.Requests} requests refreshing, {fullResult.Requests} in full");
        Assert.Equal(fullResult.Requests - result.Requests, result.RequestsSaved);
    }

    [Fact]
    public async Task OneMembershipAndOneAssignmentArePatchedInPlaceNotListedAgain()
    {
        var options = new SyncOptions();
        await using var org = await SyncedAsync(options);
        var first = FirstFile(org);
        using var http = SuperAdmin(org);
        using var state = await org.StateAsync();
        // the big group gains a member, and GitHub a direct user and loses another
        (await http.PutAsync($"/api/v1/groups/{GroupId(state, "Load Test Users")}/users/{UserId(state, "noah.nguyen@acme.example")}", null)).EnsureSuccessStatusCode();
        (await http.PostAsync($"/api/v1/apps/{AppId(state, "GitHub Enterprise")}/users",
            new StringContent($$"""{"id":"{{UserId(state, "maya.miller@acme.example")}}","scope":"USER"}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await http.DeleteAsync($"/api/v1/apps/{AppId(state, "GitHub Enterprise")}/users/{UserId(state, "bob.brown@acme.example")}")).EnsureSuccessStatusCode();
        // Everyone gains a new user and loses a deactivated one, without a membership event
        (await http.PostAsync("/api/v1/users?activate=true", new StringContent(
            """{"profile":{"firstName":"Nia","lastName":"New","email":"nia.new@acme.example","login":"nia.new@acme.example"},"credentials":{"password":{"value":"Abcd1234!x"}}}""",
            Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await http.PostAsync($"/api/v1/users/{UserId(state, "frank.fischer@acme.example")}/lifecycle/deactivate", null)).EnsureSuccessStatusCode();
        org.Host.ResetStats();

        var refreshed = org.PathFor("refreshed.json");
        var result = await Engine(org).RefreshAsync(refreshed, first, options, null, CancellationToken.None);
        var routes = org.Host.GetStats().ByRoute;
        var full = org.PathFor("full.json");
        await Engine(org).RunAsync(full, options, null, CancellationToken.None);

        Assert.True(result.Mode == SyncMode.Incremental, result.ModeReason);
        SyncFileEquality.AssertEqual(full, refreshed, "after patching a group's members, Everyone's and an app's users");
        Assert.False(routes.ContainsKey("GET /api/v1/groups/{id}/users"), string.Join(", ", routes.Keys));
        Assert.False(routes.ContainsKey("GET /api/v1/apps/{id}/users"), string.Join(", ", routes.Keys));
        // maya's GitHub assignment is read (direct or through a group?), and noah's to the app Load Test Users is assigned
        // (Workday); bob's removal, and frank's unassignments on deactivation, need no read
        Assert.Equal(2, routes["GET /api/v1/apps/{id}/users/{userId}"]);
    }

    [Fact]
    public async Task ADeletedAppLeavesTheGroupsItWasAssignedToAndTheAdminRolesLimitedToIt()
    {
        var options = new SyncOptions();
        await using var org = await SyncedAsync(options);
        var first = FirstFile(org);
        using var http = SuperAdmin(org);
        using var state = await org.StateAsync();
        // Slack: assigned to groups, and one of the apps noah's APP_ADMIN role is limited to; Okta deletes only an inactive app
        var slack = AppId(state, "Slack");
        (await http.PostAsync($"/api/v1/apps/{slack}/lifecycle/deactivate", null)).EnsureSuccessStatusCode();
        (await http.DeleteAsync($"/api/v1/apps/{slack}")).EnsureSuccessStatusCode();

        var refreshed = org.PathFor("refreshed.json");
        var result = await Engine(org).RefreshAsync(refreshed, first, options, null, CancellationToken.None);
        var full = org.PathFor("full.json");
        await Engine(org).RunAsync(full, options, null, CancellationToken.None);

        Assert.True(result.Mode == SyncMode.Incremental, result.ModeReason);
        SyncFileEquality.AssertEqual(full, refreshed, "after deleting an app assigned to groups and named by an admin role's targets");
        Assert.DoesNotContain(slack, File.ReadAllText(refreshed), StringComparison.Ordinal);
        Assert.Contains(slack, File.ReadAllText(first), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ADeletedUsersGroupsShowTheirNewCountWhetherOrNotOktaLogsTheMemberships(bool logged)
    {
        // enough groups (four pages) that a refresh reads only the groups that changed rather than listing them all
        var clock = new SteppedClock();
        await using var org = await SyncTestOrg.StartAsync(o =>
        {
            o.OrgClock = clock;
            o.Org = "generated";
            o.Users = 1200;
            o.Groups = 650;
            o.Apps = 6;
            o.Seed = 6;
            o.UserDeletionLogsMemberships = logged;
        });
        var options = new SyncOptions();
        await Engine(org).RunAsync(FirstFile(org), options, null, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(30));
        using var http = SuperAdmin(org);
        using var state = await org.StateAsync();
        // a user in the most groups: Okta deletes a user in two steps, deactivation first
        var groups = state.RootElement.GetProperty("groups").EnumerateArray()
            .Where(g => g.GetProperty("type").GetString() == "OKTA_GROUP")
            .SelectMany(g => g.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()!)).ToList();
        var user = groups.GroupBy(id => id).OrderByDescending(g => g.Count()).First().Key;
        (await http.DeleteAsync($"/api/v1/users/{user}")).EnsureSuccessStatusCode();
        (await http.DeleteAsync($"/api/v1/users/{user}")).EnsureSuccessStatusCode();

        var refreshed = org.PathFor("refreshed.json");
        var result = await Engine(org).RefreshAsync(refreshed, FirstFile(org), options, null, CancellationToken.None);
        var full = org.PathFor("full.json");
        await Engine(org).RunAsync(full, options, null, CancellationToken.None);

        Assert.True(result.Mode == SyncMode.Incremental, result.ModeReason);
        SyncFileEquality.AssertEqual(full, refreshed, $"after deleting a member of several groups (memberships logged: {logged})");
        Assert.DoesNotContain(user, File.ReadAllText(refreshed), StringComparison.Ordinal);
    }
}
