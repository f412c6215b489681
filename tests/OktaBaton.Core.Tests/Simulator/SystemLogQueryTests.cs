using System.Globalization;
using System.Net;
using System.Text.Json;
using OktaBaton.Simulator;
using Xunit;

namespace OktaBaton.Core.Tests.Simulator;

/// <summary>GET /api/v1/logs as Okta documents it ("System Log query"): polling and bounded requests, filters, keywords, errors.</summary>
public sealed class SystemLogQueryTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorFixture.StartAsync();
        _client = _sim.Client();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Adds and removes the member <paramref name="times"/> times: 2 × times group events.</summary>
    private async Task ToggleMembershipAsync(int times, string login = "noah.nguyen@acme.example")
    {
        var group = await _sim.GroupIdAsync("Project Phoenix");
        var user = await _sim.UserIdAsync(login);
        for (var i = 0; i < times; i++)
        {
            using var add = await _client.PutAsync($"/api/v1/groups/{group}/users/{user}", HttpTestExtensions.JsonBody(""));
            using var remove = await _client.DeleteAsync($"/api/v1/groups/{group}/users/{user}");
            Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        }
    }

    private static List<string> Types(JsonElement page) => page.EnumerateArray().Select(e => e.GetProperty("eventType").GetString()!).ToList();

    [Fact]
    public async Task A_polling_request_always_has_a_next_link_that_returns_only_new_events()
    {
        var since = Iso(DateTimeOffset.UtcNow.AddMinutes(-1));
        await ToggleMembershipAsync(1);
        using var first = await _client.GetAsync($"/api/v1/logs?since={since}");
        Assert.Equal(new[] { "group.user_membership.add", "group.user_membership.remove" }, Types(await first.JsonAsync()));
        var next = first.Link("next");
        Assert.NotNull(next);

        using var nothingNew = await _client.GetAsync(next);
        Assert.Equal(0, (await nothingNew.JsonAsync()).GetArrayLength());
        Assert.Equal(next, nothingNew.Link("next"));

        await ToggleMembershipAsync(1, "liam.lopez@acme.example");
        using var fresh = await _client.GetAsync(nothingNew.Link("next"));
        var events = await fresh.JsonAsync();
        Assert.Equal(2, events.GetArrayLength());
        Assert.All(events.EnumerateArray(), e => Assert.Contains(e.GetProperty("target").EnumerateArray(), t => t.GetProperty("alternateId").GetString() == "liam.lopez@acme.example"));
        Assert.NotNull(fresh.Link("next"));
    }

    [Fact]
    public async Task A_polling_request_pages_by_limit_and_skips_events_published_before_since()
    {
        await ToggleMembershipAsync(2);
        var since = (await _client.GetAsync("/api/v1/users/me")).Headers.Date!.Value.AddSeconds(1);
        await Task.Delay(1100);
        await ToggleMembershipAsync(3);
        var seen = new List<string>();
        string? url = $"/api/v1/logs?since={Iso(since)}&limit=4";
        for (var page = 0; page < 3; page++)
        {
            using var response = await _client.GetAsync(url);
            var events = await response.JsonAsync();
            Assert.True(events.GetArrayLength() <= 4);
            seen.AddRange(events.EnumerateArray().Select(e => e.GetProperty("uuid").GetString()!));
            url = response.Link("next");
            Assert.NotNull(url);
        }
        Assert.Equal(6, seen.Count);
        Assert.Equal(6, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_bounded_request_pages_in_order_and_its_last_page_has_no_next_link()
    {
        await ToggleMembershipAsync(3);
        var until = Iso(DateTimeOffset.UtcNow.AddMinutes(1));
        var since = Iso(DateTimeOffset.UtcNow.AddMinutes(-5));
        foreach (var order in new[] { "ASCENDING", "DESCENDING" })
        {
            var published = new List<DateTimeOffset>();
            var pages = 0;
            string? url = $"/api/v1/logs?since={since}&until={until}&limit=4&sortOrder={order}";
            while (url is not null)
            {
                using var response = await _client.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                published.AddRange((await response.JsonAsync()).EnumerateArray().Select(e => DateTimeOffset.Parse(e.GetProperty("published").GetString()!, CultureInfo.InvariantCulture)));
                url = response.Link("next");
                pages++;
            }
            Assert.Equal(6, published.Count);
            Assert.Equal(2, pages);
            Assert.Equal(order == "ASCENDING" ? published.OrderBy(p => p) : published.OrderByDescending(p => p), published);
        }
    }

    [Fact]
    public async Task A_descending_request_without_until_keeps_its_first_page_window()
    {
        await ToggleMembershipAsync(2);
        using var first = await _client.GetAsync("/api/v1/logs?sortOrder=DESCENDING&limit=2");
        var next = first.Link("next");
        Assert.NotNull(next);
        Assert.Contains("until=", next);
        await ToggleMembershipAsync(1, "liam.lopez@acme.example");
        using var second = await _client.GetAsync(next);
        Assert.Equal(new[] { "group.user_membership.remove", "group.user_membership.add" }, Types(await second.JsonAsync()));
        Assert.DoesNotContain("liam", await second.Content.ReadAsStringAsync());
        Assert.Null(second.Link("next"));
    }

    [Fact]
    public async Task Events_and_requests_in_one_millisecond_page_without_losing_any()
    {
        // A stopped org clock: every event and every request fall in the same millisecond.
        await using var sim = await SimulatorFixture.StartAsync(o => o.OrgClock = new OAuth.ManualTimeProvider(DateTimeOffset.UtcNow.AddTicks(1234)));
        var client = sim.Client();
        var group = await sim.GroupIdAsync("Project Phoenix");
        var user = await sim.UserIdAsync("noah.nguyen@acme.example");
        for (var i = 0; i < 2; i++)
        {
            using (await client.PutAsync($"/api/v1/groups/{group}/users/{user}", HttpTestExtensions.JsonBody(""))) { }
            using (await client.DeleteAsync($"/api/v1/groups/{group}/users/{user}")) { }
        }

        var seen = new List<string>();
        string? url = "/api/v1/logs?sortOrder=DESCENDING&limit=3";
        while (url is not null)
        {
            using var response = await client.GetAsync(url);
            seen.AddRange((await response.JsonAsync()).EnumerateArray().Select(e => e.GetProperty("uuid").GetString()!));
            url = response.Link("next");
        }
        Assert.Equal(4, seen.Distinct().Count());
    }

    [Fact]
    public async Task Filter_selects_by_event_type_target_and_actor_with_any_target_matching()
    {
        await ToggleMembershipAsync(1);
        await ToggleMembershipAsync(1, "liam.lopez@acme.example");
        var liam = await _sim.UserIdAsync("liam.lopez@acme.example");
        var owner = (await _sim.StateAsync()).GetProperty("tokenOwnerId").GetString();
        async Task<int> CountAsync(string filter)
        {
            using var response = await _client.GetAsync("/api/v1/logs?filter=" + Uri.EscapeDataString(filter));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.JsonAsync()).GetArrayLength();
        }
        Assert.Equal(2, await CountAsync("eventType eq \"group.user_membership.add\""));
        Assert.Equal(2, await CountAsync($"target.id eq \"{liam}\""));
        Assert.Equal(1, await CountAsync($"target.id eq \"{liam}\" and eventType ew \".add\""));
        Assert.Equal(4, await CountAsync($"actor.id eq \"{owner}\" and (eventType co \"membership\" or eventType sw \"user.\")"));
        Assert.Equal(2, await CountAsync($"not (target.id eq \"{liam}\")"));
        Assert.Equal(0, await CountAsync($"actor.id ne \"{owner}\""));
        Assert.Equal(4, await CountAsync("target.type eq \"UserGroup\" and transaction.detail.requestApiTokenId pr"));
    }

    [Fact]
    public async Task Keywords_in_q_must_all_match_words_of_the_event()
    {
        await ToggleMembershipAsync(1);
        await ToggleMembershipAsync(1, "liam.lopez@acme.example");
        async Task<int> CountAsync(string q) => (await (await _client.GetAsync("/api/v1/logs?q=" + Uri.EscapeDataString(q))).JsonAsync()).GetArrayLength();
        Assert.Equal(2, await CountAsync("Liam"));
        Assert.Equal(2, await CountAsync("liam lopez"));
        Assert.Equal(1, await CountAsync("lopez remove"));
        Assert.Equal(0, await CountAsync("lop"));
        Assert.Equal(4, await CountAsync("phoenix"));
    }

    [Theory]
    [InlineData("filter=eventType%20eqq%20%22x%22", "E0000053", "Unrecognized attribute operator 'eqq'")]
    [InlineData("filter=nonsense%20eq%20%22x%22", "E0000053", "field is not valid: nonsense")]
    [InlineData("filter=published%20gt%20%222024-01-01T00:00:00Z%22", "E0000031", "Operator: gt, Field: published")]
    [InlineData("filter=debugContext.debugData.url%20co%20%22/oauth/%22", "E0000031", "Operator: co, Field: debugContext.debugData.url")]
    [InlineData("filter=eventType%20eq", "E0000053", "needs a value")]
    [InlineData("until=01-01-2017", "E0000001", "'until': The date format in your query is not recognized")]
    [InlineData("since=yesterday", "E0000001", "'since'")]
    [InlineData("sortOrder=UP", "E0000001", "sortOrder")]
    [InlineData("q=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "E0000001", "longer than 40 characters")]
    [InlineData("after=garbage", "E0000001", "after")]
    public async Task Bad_parameters_are_400_with_Okta_error_codes(string query, string errorCode, string summaryPart)
    {
        using var response = await _client.GetAsync("/api/v1/logs?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(errorCode, body.GetProperty("errorCode").GetString());
        Assert.Contains(summaryPart, body.GetProperty("errorSummary").GetString() + string.Join(" ", body.GetProperty("errorCauses").EnumerateArray().Select(c => c.GetProperty("errorSummary").GetString())));
    }

    [Fact]
    public async Task Since_more_than_180_days_back_is_refused()
    {
        using var response = await _client.GetAsync($"/api/v1/logs?since={Iso(DateTimeOffset.UtcNow.AddDays(-181))}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("E0000053", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task The_log_has_its_own_rate_limit_bucket_of_120()
    {
        await using var sim = await SimulatorFixture.StartAsync(o =>
        {
            o.RateLimits = RateLimitMode.Workforce;
            o.PrincipalRateLimitPercent = 100; // the token may spend the whole bucket, so the headers show the org's limit
        });
        using var response = await sim.Client().GetAsync("/api/v1/logs");
        Assert.Equal("120", response.Header("X-Rate-Limit-Limit"));
        Assert.Equal(1, sim.Host.GetStats().ByBucket["logs"]);
    }

    [Fact]
    public async Task Read_only_admins_may_read_the_log_and_an_app_without_a_role_may_not()
    {
        await ToggleMembershipAsync(1);
        using var readOnly = await _sim.Client(SimulatorFixture.ReadOnlyToken).GetAsync("/api/v1/logs");
        Assert.Equal(2, (await readOnly.JsonAsync()).GetArrayLength());
        await using var sim = await SimulatorFixture.StartAsync(o => o.Tokens.Add(new SimulatorToken("no-role", "no-admin-role")));
        using var denied = await sim.Client("no-role").GetAsync("/api/v1/logs");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task Events_are_dated_by_the_org_clock_which_the_Date_header_tells()
    {
        await using var sim = await SimulatorFixture.StartAsync(o => o.OrgClock = new OffsetClock(TimeSpan.FromHours(3)));
        var client = sim.Client();
        var group = await sim.GroupIdAsync("Project Phoenix");
        using var add = await client.PutAsync($"/api/v1/groups/{group}/users/{await sim.UserIdAsync("noah.nguyen@acme.example")}", HttpTestExtensions.JsonBody(""));
        var orgNow = add.Headers.Date!.Value;
        Assert.InRange(orgNow - DateTimeOffset.UtcNow, TimeSpan.FromHours(2.9), TimeSpan.FromHours(3.1));

        // "Since a minute ago" by this machine's clock is hours before the event: it is found.
        using var all = await client.GetAsync($"/api/v1/logs?since={Iso(DateTimeOffset.UtcNow.AddMinutes(-1))}");
        var published = DateTimeOffset.Parse((await all.JsonAsync())[0].GetProperty("published").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(published - orgNow, TimeSpan.FromSeconds(-2), TimeSpan.FromSeconds(2));
        // "Since now" by this machine's clock is in the org's past too; since the org's now finds nothing yet.
        using var fromOrgNow = await client.GetAsync($"/api/v1/logs?since={Iso(orgNow.AddSeconds(2))}");
        Assert.Equal(0, (await fromOrgNow.JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task An_API_token_acts_as_the_user_who_owns_it_from_its_address()
    {
        await ToggleMembershipAsync(1);
        var e = (await (await _client.GetAsync("/api/v1/logs")).JsonAsync())[0];
        Assert.Equal("User", e.GetProperty("actor").GetProperty("type").GetString());
        Assert.Equal("okta.admin@acme.example", e.GetProperty("actor").GetProperty("alternateId").GetString());
        Assert.Equal("127.0.0.1", e.GetProperty("client").GetProperty("ipAddress").GetString());
    }
}
