using System.Net.Http.Headers;
using System.Text;
using OktaBaton.Core.Sync;
using Xunit;

namespace OktaBaton.Core.Tests.Sync.Refresh;

public sealed class RefreshSmokeTests
{
    [Fact]
    public async Task ARefreshAfterChangesEqualsAFullSync()
    {
        var clock = new SteppedClock();
        await using var org = await SyncTestOrg.StartAsync(o => o.OrgClock = clock);
        // a client per sync, as separate runs would have: each learns the org's clock afresh
        SyncEngine Engine() => new(org.Client(paceByRateLimits: false));
        var options = new SyncOptions { SyncCustomRoles = true, SyncSecrets = true };
        var first = org.PathFor("first.json");
        await Engine().RunAsync(first, options, null, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(30));

        using var http = new HttpClient { BaseAddress = org.Host.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("SSWS", "tok-super-admin");
        using var state = await org.StateAsync();
        string UserId(string login) => state.RootElement.GetProperty("users").EnumerateArray().First(u => u.GetProperty("profile").GetProperty("login").GetString() == login).GetProperty("id").GetString()!;
        string GroupId(string name) => state.RootElement.GetProperty("groups").EnumerateArray().First(g => g.GetProperty("profile").GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
        var sales = GroupId("Sales");
        var dave = UserId(state.RootElement.GetProperty("users")[5].GetProperty("profile").GetProperty("login").GetString()!);
        (await http.PutAsync($"/api/v1/groups/{sales}/users/{dave}", null)).EnsureSuccessStatusCode();
        (await http.PostAsync($"/api/v1/users/{dave}", new StringContent("{\"profile\":{\"title\":\"Chief\"}}", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var refreshed = org.PathFor("refreshed.json");
        var result = await Engine().RefreshAsync(refreshed, first, options, null, CancellationToken.None);
        var full = org.PathFor("full.json");
        var fullResult = await Engine().RunAsync(full, options, null, CancellationToken.None);

        Assert.True(result.Mode == SyncMode.Incremental, result.ModeReason);
        SyncFileEquality.AssertEqual(full, refreshed, "after a membership and a profile change");
        Assert.True(result.Requests < fullResult.Requests, $"{result.Requests} requests refreshing, {fullResult.Requests} in full");
        Assert.Equal(fullResult.Requests - result.Requests, result.RequestsSaved);
    }
}
