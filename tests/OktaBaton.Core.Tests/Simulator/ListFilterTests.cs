using System.Net;
using System.Text.Json;
using Xunit;

namespace OktaBaton.Core.Tests.Simulator;

/// <summary>
/// The users, groups and apps lists evaluate <c>filter</c>, <c>search</c> and <c>q</c> as the spec's parameter
/// descriptions define them; expectations are computed from /__simulator/state, not from the endpoints.
/// </summary>
public sealed class ListFilterTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;
    private HttpClient _client = null!;
    private JsonElement _state;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorFixture.StartAsync();
        _client = _sim.Client();
        _state = await _sim.StateAsync();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private IEnumerable<JsonElement> StateUsers => _state.GetProperty("users").EnumerateArray();

    private static string? Profile(JsonElement user, string name) =>
        user.GetProperty("profile").TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Every item of a list, following next links; also the number of pages.</summary>
    private async Task<(List<JsonElement> Items, int Pages)> AllAsync(string path, string parameter, string expression, int? limit = null)
    {
        var items = new List<JsonElement>();
        var pages = 0;
        string? url = $"{path}?{parameter}={Uri.EscapeDataString(expression)}" + (limit is null ? "" : $"&limit={limit}");
        while (url is not null)
        {
            using var response = await _client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{expression}: {await response.Content.ReadAsStringAsync()}");
            items.AddRange((await response.JsonAsync()).EnumerateArray());
            url = response.Link("next");
            pages++;
        }
        return (items, pages);
    }

    private async Task<List<string>> IdsAsync(string path, string parameter, string expression) =>
        (await AllAsync(path, parameter, expression)).Items.Select(i => i.GetProperty("id").GetString()!).ToList();

    private async Task AssertInvalidAsync(string path, string parameter, string expression, string causePart)
    {
        using var response = await _client.GetAsync($"{path}?{parameter}={Uri.EscapeDataString(expression)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("E0000031", body.GetProperty("errorCode").GetString());
        Assert.Equal("Invalid search criteria.", body.GetProperty("errorSummary").GetString());
        Assert.Contains(causePart, body.GetProperty("errorCauses")[0].GetProperty("errorSummary").GetString());
    }

    [Fact]
    public async Task User_search_combines_and_or_and_parentheses_on_custom_attributes_ignoring_value_case()
    {
        var expected = StateUsers
            .Where(u => Profile(u, "department") == "Engineering" && u.GetProperty("status").GetString() is "ACTIVE" or "SUSPENDED")
            .Select(u => u.GetProperty("id").GetString()!).ToList();
        Assert.True(expected.Count >= 5);
        var found = await IdsAsync("/api/v1/users", "search", "profile.department eq \"engineering\" and (status eq \"ACTIVE\" or status eq \"SUSPENDED\")");
        Assert.Equal(expected, found);
    }

    [Fact]
    public async Task User_search_pages_across_several_pages_and_includes_deprovisioned_users()
    {
        var (items, pages) = await AllAsync("/api/v1/users", "search", "profile.lastName sw \"user\" or status eq \"DEPROVISIONED\"", limit: 50);
        var expected = StateUsers.Where(u => (Profile(u, "lastName") ?? "").StartsWith("User", StringComparison.Ordinal) || u.GetProperty("status").GetString() == "DEPROVISIONED").ToList();
        Assert.Equal(expected.Count, items.Count);
        Assert.Equal((expected.Count + 49) / 50, pages);
        Assert.True(pages >= 4);
        Assert.Contains(items, u => u.GetProperty("status").GetString() == "DEPROVISIONED");
    }

    [Fact]
    public async Task User_search_co_works_on_names_and_emails_only()
    {
        var found = await IdsAsync("/api/v1/users", "search", "profile.firstName co \"ar\"");
        Assert.Equal(StateUsers.Where(u => (Profile(u, "firstName") ?? "").Contains("ar", StringComparison.OrdinalIgnoreCase)).Select(u => u.GetProperty("id").GetString()), found);
        await AssertInvalidAsync("/api/v1/users", "search", "profile.department co \"Eng\"", "'co' can only be used");
    }

    [Theory]
    [InlineData("status ne \"ACTIVE\"", "'ne' isn't supported")]
    [InlineData("nickname eq \"x\"", "'nickname' is not a searchable user attribute")]
    [InlineData("profile.favouriteColour eq \"blue\"", "not a searchable user attribute")]
    [InlineData("status eq ACTIVE", "is not a value")]
    [InlineData("(status eq \"ACTIVE\"", "not closed")]
    [InlineData("status eq \"ACTIVE\" and", "missing")]
    [InlineData("not status eq \"ACTIVE\"", "'not' isn't supported")]
    [InlineData("", "empty")]
    public async Task Bad_user_searches_are_E0000031_with_the_reason(string search, string causePart) =>
        await AssertInvalidAsync("/api/v1/users", "search", search, causePart);

    [Fact]
    public async Task User_filter_allows_its_few_attributes_with_exact_values()
    {
        var noah = await _sim.UserIdAsync("noah.nguyen@acme.example");
        Assert.Equal(new[] { noah }, await IdsAsync("/api/v1/users", "filter", "profile.login eq \"noah.nguyen@acme.example\""));
        Assert.Empty(await IdsAsync("/api/v1/users", "filter", "profile.login eq \"NOAH.NGUYEN@ACME.EXAMPLE\""));
        var future = DateTimeOffset.UtcNow.AddDays(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var found = await IdsAsync("/api/v1/users", "filter", $"lastUpdated lt \"{future}\" and (status eq \"LOCKED_OUT\" or status eq \"RECOVERY\")");
        Assert.Equal(StateUsers.Where(u => u.GetProperty("status").GetString() is "LOCKED_OUT" or "RECOVERY").Select(u => u.GetProperty("id").GetString()), found);
        await AssertInvalidAsync("/api/v1/users", "filter", "profile.department eq \"Sales\"", "filtering on 'profile.department' isn't supported");
        await AssertInvalidAsync("/api/v1/users", "filter", "profile.login sw \"noah\"", "'sw' isn't supported");
    }

    [Fact]
    public async Task User_q_is_a_starts_with_on_first_name_last_name_and_email()
    {
        using var response = await _client.GetAsync("/api/v1/users?q=Ngu");
        var found = (await response.JsonAsync()).EnumerateArray().Select(u => u.GetProperty("id").GetString()!).ToList();
        Assert.Equal(new[] { await _sim.UserIdAsync("noah.nguyen@acme.example") }, found);
        Assert.Null(response.Link("next"));
    }

    [Fact]
    public async Task Group_search_and_filter_follow_their_own_rules()
    {
        var groups = _state.GetProperty("groups").EnumerateArray().ToList();
        var salesforce = await _sim.AppIdAsync("Salesforce");
        Assert.Equal(
            groups.Where(g => g.GetProperty("profile").GetProperty("name").GetString()!.Contains("Eng", StringComparison.OrdinalIgnoreCase)).Select(g => g.GetProperty("id").GetString()),
            await IdsAsync("/api/v1/groups", "search", "profile.name co \"eng\""));
        Assert.Equal(new[] { await _sim.GroupIdAsync("Salesforce Imported Users") }, await IdsAsync("/api/v1/groups", "search", $"source.id eq \"{salesforce}\""));
        Assert.Equal(
            groups.Where(g => g.GetProperty("type").GetString() == "OKTA_GROUP").Select(g => g.GetProperty("id").GetString()),
            await IdsAsync("/api/v1/groups", "filter", "type eq \"OKTA_GROUP\""));
        await AssertInvalidAsync("/api/v1/groups", "filter", "profile.name eq \"Sales\"", "filtering on 'profile.name' isn't supported");
        await AssertInvalidAsync("/api/v1/groups", "search", "id co \"00g\"", "'co' can only be used");
    }

    [Fact]
    public async Task App_filter_finds_the_apps_of_a_user_or_group()
    {
        var alice = await _sim.UserIdAsync("alice.anderson@acme.example");
        var apps = _state.GetProperty("apps").EnumerateArray().ToList();
        var expected = apps.Where(a => a.GetProperty("users").EnumerateArray().Any(u => u.GetProperty("userId").GetString() == alice)).Select(a => a.GetProperty("id").GetString()!).ToList();
        Assert.True(expected.Count >= 3);
        Assert.Equal(expected, await IdsAsync("/api/v1/apps", "filter", $"user.id eq \"{alice}\""));
        var sales = await _sim.GroupIdAsync("Sales");
        Assert.Equal(new[] { await _sim.AppIdAsync("Salesforce") }, await IdsAsync("/api/v1/apps", "filter", $"group.id eq \"{sales}\""));
        Assert.Equal(apps.Where(a => a.GetProperty("status").GetString() == "INACTIVE").Select(a => a.GetProperty("id").GetString()), await IdsAsync("/api/v1/apps", "filter", "status eq \"INACTIVE\""));
        await AssertInvalidAsync("/api/v1/apps", "filter", "label eq \"Slack\"", "filtering on 'label' isn't supported");
    }
}
