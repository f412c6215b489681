using Xunit;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace OktaBaton.Core.Tests.Simulator;

public sealed class PagingTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;
    private JsonElement _state;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorFixture.StartAsync();
        _state = await _sim.StateAsync();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private List<JsonElement> StateUsers => _state.GetProperty("users").EnumerateArray().ToList();

    /// <summary>Follows rel="next" from a first URL; returns every item and the number of pages.</summary>
    private async Task<(List<JsonElement> Items, int Pages)> WalkAsync(string firstUrl, string? token = SimulatorFixture.SuperToken)
    {
        var client = _sim.Client(token);
        var items = new List<JsonElement>();
        var pages = 0;
        string? url = firstUrl;
        while (url is not null)
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var self = response.Link("self");
            Assert.NotNull(self);
            Assert.StartsWith(_sim.Host.BaseUrl.GetLeftPart(UriPartial.Authority) + "/api/v1/", self);
            items.AddRange((await response.JsonAsync()).EnumerateArray());
            pages++;
            url = response.Link("next");
            if (url is not null)
            {
                Assert.StartsWith(_sim.Host.BaseUrl.GetLeftPart(UriPartial.Authority) + "/", url);
            }
        }
        return (items, pages);
    }

    [Fact]
    public async Task User_list_pages_by_cursor_and_leaves_out_deprovisioned_users()
    {
        var (items, pages) = await WalkAsync("/api/v1/users?limit=40");
        var expected = StateUsers.Where(u => u.GetProperty("status").GetString() != "DEPROVISIONED").Select(u => u.GetProperty("id").GetString()).ToList();
        Assert.Equal(expected, items.Select(u => u.GetProperty("id").GetString()).ToList());
        Assert.Equal((expected.Count + 39) / 40, pages);
        Assert.DoesNotContain(items, u => u.GetProperty("status").GetString() == "DEPROVISIONED");
    }

    [Fact]
    public async Task Search_status_pr_includes_deprovisioned_users()
    {
        var (items, _) = await WalkAsync("/api/v1/users?search=status%20pr&limit=200");
        Assert.Equal(StateUsers.Count, items.Count);
        Assert.Contains(items, u => u.GetProperty("status").GetString() == "DEPROVISIONED");
        var statuses = items.Select(u => u.GetProperty("status").GetString()).ToHashSet();
        foreach (var status in new[] { "ACTIVE", "DEPROVISIONED", "LOCKED_OUT", "PASSWORD_EXPIRED", "PROVISIONED", "RECOVERY", "STAGED", "SUSPENDED" })
        {
            Assert.Contains(status, statuses);
        }
    }

    [Fact]
    public async Task Filter_and_search_expressions_select_users()
    {
        var (suspended, _) = await WalkAsync("/api/v1/users?filter=" + Uri.EscapeDataString("status eq \"SUSPENDED\""));
        var expectedSuspended = StateUsers.Count(u => u.GetProperty("status").GetString() == "SUSPENDED");
        Assert.Equal(expectedSuspended, suspended.Count);
        Assert.True(expectedSuspended >= 1);

        var (contractors, _) = await WalkAsync("/api/v1/users?search=" + Uri.EscapeDataString("profile.email sw \"paul\""));
        Assert.Equal("paul.park@contractors.example", Assert.Single(contractors).GetProperty("profile").GetProperty("login").GetString());
    }

    [Fact]
    public async Task Filter_on_lastUpdated_selects_recently_changed_users()
    {
        var liam = await _sim.UserIdAsync("liam.lopez@acme.example");
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        using var suspend = await _sim.Client().PostAsync($"/api/v1/users/{liam}/lifecycle/suspend", null);
        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        var (changed, _) = await WalkAsync("/api/v1/users?filter=" + Uri.EscapeDataString($"lastUpdated gt \"{since}\""));
        Assert.Equal(liam, Assert.Single(changed).GetProperty("id").GetString());

        using var bad = await _sim.Client().GetAsync("/api/v1/users?filter=" + Uri.EscapeDataString("status equals ACTIVE"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task User_page_limit_above_the_maximum_is_clamped_to_200()
    {
        using var response = await _sim.Client().GetAsync("/api/v1/users?limit=1000");
        Assert.Equal(200, (await response.JsonAsync()).GetArrayLength());
        Assert.NotNull(response.Link("next"));
    }

    [Fact]
    public async Task Query_q_is_a_starts_with_match_without_paging()
    {
        using var response = await _sim.Client().GetAsync("/api/v1/users?q=load");
        var users = (await response.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(10, users.Count);
        Assert.All(users, u => Assert.StartsWith("load.", u.GetProperty("profile").GetProperty("login").GetString()));
        Assert.Null(response.Link("next"));
    }

    [Fact]
    public async Task Omit_credentials_hint_drops_credentials()
    {
        var client = _sim.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users?limit=1");
        request.Content = new ByteArrayContent(Array.Empty<byte>());
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; okta-response=\"omitCredentials,omitCredentialsLinks,omitTransitioningToStatus\"");
        using var response = await client.SendAsync(request);
        var user = (await response.JsonAsync())[0];
        Assert.False(user.TryGetProperty("credentials", out _));
        Assert.False(user.GetProperty("_links").TryGetProperty("changePassword", out _));

        using var viaAccept = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users?limit=1");
        viaAccept.Headers.TryAddWithoutValidation("Accept", "application/json; okta-response=\"omitCredentials\"");
        using var acceptResponse = await client.SendAsync(viaAccept);
        var acceptUser = (await acceptResponse.JsonAsync())[0];
        Assert.False(acceptUser.TryGetProperty("credentials", out _));
        Assert.True(acceptUser.GetProperty("_links").TryGetProperty("changePassword", out _));

        using var plain = await client.GetAsync("/api/v1/users?limit=1");
        Assert.True((await plain.JsonAsync())[0].TryGetProperty("credentials", out _));
    }

    [Fact]
    public async Task Group_members_page_and_cover_a_group_larger_than_a_page()
    {
        var groupId = await _sim.GroupIdAsync("Load Test Users");
        var expected = _state.GetProperty("groups").EnumerateArray().First(g => g.GetProperty("id").GetString() == groupId)
            .GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.True(expected.Count > 200);

        var (all, onePage) = await WalkAsync($"/api/v1/groups/{groupId}/users");
        Assert.Equal(1, onePage);
        Assert.Equal(expected, all.Select(u => u.GetProperty("id").GetString()).ToList());

        var (paged, pages) = await WalkAsync($"/api/v1/groups/{groupId}/users?limit=100");
        Assert.Equal(3, pages);
        Assert.Equal(expected, paged.Select(u => u.GetProperty("id").GetString()).ToList());
    }

    [Fact]
    public async Task Groups_carry_types_and_stats()
    {
        var (groups, pages) = await WalkAsync("/api/v1/groups?expand=stats&limit=3");
        Assert.Equal(_state.GetProperty("groups").GetArrayLength(), groups.Count);
        Assert.True(pages > 1);
        Assert.Equal(new[] { "APP_GROUP", "BUILT_IN", "OKTA_GROUP" }, groups.Select(g => g.GetProperty("type").GetString()).Distinct().Order().ToArray());
        var everyone = groups.Single(g => g.GetProperty("profile").GetProperty("name").GetString() == "Everyone");
        var nonDeprovisioned = StateUsers.Count(u => u.GetProperty("status").GetString() != "DEPROVISIONED");
        Assert.Equal(nonDeprovisioned, everyone.GetProperty("_embedded").GetProperty("stats").GetProperty("usersCount").GetInt32());
        var admins = groups.Single(g => g.GetProperty("profile").GetProperty("name").GetString() == "Okta Admins");
        Assert.True(admins.GetProperty("_embedded").GetProperty("stats").GetProperty("hasAdminPrivilege").GetBoolean());
        var empty = groups.Single(g => g.GetProperty("profile").GetProperty("name").GetString() == "Project Phoenix");
        Assert.Equal(0, empty.GetProperty("_embedded").GetProperty("stats").GetProperty("usersCount").GetInt32());

        var (okta, _) = await WalkAsync("/api/v1/groups?filter=" + Uri.EscapeDataString("type eq \"OKTA_GROUP\""));
        Assert.All(okta, g => Assert.Equal("OKTA_GROUP", g.GetProperty("type").GetString()));
        Assert.False(okta[0].TryGetProperty("_embedded", out _));
    }

    [Fact]
    public async Task App_users_include_group_assignments_with_scope_GROUP_and_page_by_50()
    {
        var workday = await _sim.AppIdAsync("Workday");
        var (users, pages) = await WalkAsync($"/api/v1/apps/{workday}/users");
        var expected = _state.GetProperty("apps").EnumerateArray().First(a => a.GetProperty("id").GetString() == workday).GetProperty("users");
        Assert.Equal(expected.GetArrayLength(), users.Count);
        Assert.Equal((users.Count + 49) / 50, pages);
        Assert.Contains(users, u => u.GetProperty("scope").GetString() == "GROUP");
        Assert.Contains(users, u => u.GetProperty("scope").GetString() == "USER");

        var (apps, _) = await WalkAsync("/api/v1/apps?filter=" + Uri.EscapeDataString("status eq \"ACTIVE\""));
        Assert.All(apps, a => Assert.Equal("ACTIVE", a.GetProperty("status").GetString()));
        var (allApps, _) = await WalkAsync("/api/v1/apps?limit=2");
        Assert.Equal(_state.GetProperty("apps").GetArrayLength(), allApps.Count);
        Assert.Contains(allApps, a => a.GetProperty("status").GetString() == "INACTIVE");
    }

    [Fact]
    public async Task Iam_lists_page_in_the_body()
    {
        var client = _sim.Client();
        var roles = new List<string>();
        string? url = "/api/v1/iam/roles?limit=2";
        var pages = 0;
        while (url is not null)
        {
            var body = await (await client.GetAsync(url)).JsonAsync();
            roles.AddRange(body.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
            pages++;
            url = body.GetProperty("_links").TryGetProperty("next", out var next) ? next.GetProperty("href").GetString() : null;
            if (url is not null)
            {
                // Okta's /iam next links carry only the cursor: the next page has the default size.
                Assert.Equal(_sim.Host.BaseUrl + "api/v1/iam/roles?after=" + roles[^1], url);
            }
        }
        Assert.Equal(_state.GetProperty("customRoles").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList(), roles);
        Assert.Equal(2, pages);
        Assert.All(roles, id => Assert.StartsWith("cr0", id));

        var assignees = await (await client.GetAsync("/api/v1/iam/assignees/users")).JsonAsync();
        var ids = assignees.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("id").GetString()).ToHashSet();
        var expected = _state.GetProperty("userRoles").EnumerateArray()
            .Where(r => r.GetProperty("status").GetString() == "ACTIVE").Select(r => r.GetProperty("userId").GetString()).ToHashSet();
        Assert.Equal(expected, ids);
        Assert.False(assignees.GetProperty("_links").TryGetProperty("next", out _));

        var sets = await (await client.GetAsync("/api/v1/iam/resource-sets")).JsonAsync();
        var setId = sets.GetProperty("resource-sets")[0].GetProperty("id").GetString();
        var bindings = await (await client.GetAsync($"/api/v1/iam/resource-sets/{setId}/bindings")).JsonAsync();
        var roleId = bindings.GetProperty("roles")[0].GetProperty("id").GetString();
        var members = await (await client.GetAsync($"/api/v1/iam/resource-sets/{setId}/bindings/{roleId}/members")).JsonAsync();
        var hrefs = members.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("_links").GetProperty("self").GetProperty("href").GetString()!).ToList();
        Assert.Contains(hrefs, h => h.Contains("/api/v1/users/", StringComparison.Ordinal));
        Assert.Contains(hrefs, h => h.Contains("/api/v1/groups/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Self_and_next_arrive_as_separate_link_header_lines()
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, _sim.Host.BaseUrl.Port);
        var stream = socket.GetStream();
        var request = $"GET /api/v1/users?limit=2 HTTP/1.1\r\nHost: {_sim.Host.Domain}\r\nAuthorization: SSWS {SimulatorFixture.SuperToken}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync();
        var headerLines = raw[..raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n");
        var links = headerLines.Where(l => l.StartsWith("Link:", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(2, links.Count);
        Assert.EndsWith("rel=\"self\"", links[0]);
        Assert.EndsWith("rel=\"next\"", links[1]);
    }

    [Fact]
    public async Task Plain_array_endpoints_have_no_paging()
    {
        var client = _sim.Client();
        var aliceId = await _sim.UserIdAsync("alice.anderson@acme.example");
        using var roles = await client.GetAsync($"/api/v1/users/{aliceId}/roles");
        var list = await roles.JsonAsync();
        Assert.Equal(JsonValueKind.Array, list.ValueKind);
        var own = list.EnumerateArray().Where(r => r.GetProperty("assignmentType").GetString() == "USER");
        Assert.Equal(new[] { "APP_ADMIN", "HELP_DESK_ADMIN" }, own.Select(r => r.GetProperty("type").GetString()).Order().ToArray());

        using var tokens = await client.GetAsync("/api/v1/api-tokens");
        var tokenList = (await tokens.JsonAsync()).EnumerateArray().ToList();
        Assert.True(tokenList.Count >= 2);
        Assert.Contains(tokenList, t => !t.TryGetProperty("expiresAt", out _));
        Assert.All(tokenList, t => Assert.StartsWith("00T", t.GetProperty("id").GetString()));
        Assert.Null(tokens.Link("next"));
    }
}
