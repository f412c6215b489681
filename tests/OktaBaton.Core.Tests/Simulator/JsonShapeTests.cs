using System.Text.Json;
using Xunit;

namespace OktaBaton.Core.Tests.Simulator;

/// <summary>The objects carry the fields Okta's spec gives them.</summary>
public sealed class JsonShapeTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorFixture.StartAsync();
        _client = _sim.Client();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private async Task<JsonElement> GetAsync(string path) => await (await _client.GetAsync(path)).JsonAsync();

    private static void HasKeys(JsonElement element, params string[] keys)
    {
        foreach (var key in keys)
        {
            Assert.True(element.TryGetProperty(key, out _), $"missing '{key}' in {element.GetRawText()}");
        }
    }

    private static void IsOktaId(string? id, string prefix)
    {
        Assert.NotNull(id);
        Assert.Equal(20, id!.Length);
        Assert.StartsWith(prefix, id);
        Assert.All(id, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
    }

    [Fact]
    public async Task User_group_and_app_shapes()
    {
        var user = (await GetAsync("/api/v1/users?q=iris"))[0];
        HasKeys(user, "id", "status", "created", "activated", "statusChanged", "lastLogin", "lastUpdated", "passwordChanged", "type", "profile", "credentials", "_links");
        IsOktaId(user.GetProperty("id").GetString(), "00u");
        Assert.Equal("RECOVERY", user.GetProperty("status").GetString());
        HasKeys(user.GetProperty("profile"), "login", "email", "secondEmail", "firstName", "lastName", "displayName", "employeeNumber", "department");
        Assert.Equal("iris.ito@personal.example", user.GetProperty("profile").GetProperty("secondEmail").GetString());
        Assert.Equal("OKTA", user.GetProperty("credentials").GetProperty("provider").GetProperty("type").GetString());
        var emails = user.GetProperty("credentials").GetProperty("emails").EnumerateArray()
            .Select(e => (e.GetProperty("type").GetString(), e.GetProperty("value").GetString(), e.GetProperty("status").GetString())).ToList();
        Assert.Equal(new (string?, string?, string?)[] { ("PRIMARY", user.GetProperty("profile").GetProperty("email").GetString(), "VERIFIED"), ("SECONDARY", "iris.ito@personal.example", "VERIFIED") }, emails);
        Assert.EndsWith("/api/v1/users/" + user.GetProperty("id").GetString(), user.GetProperty("_links").GetProperty("self").GetProperty("href").GetString());

        var group = (await GetAsync("/api/v1/groups?q=Help"))[0];
        HasKeys(group, "id", "created", "lastUpdated", "lastMembershipUpdated", "objectClass", "type", "profile", "_links");
        IsOktaId(group.GetProperty("id").GetString(), "00g");
        HasKeys(group.GetProperty("profile"), "name", "description");

        var app = (await GetAsync("/api/v1/apps?q=Legacy"))[0];
        HasKeys(app, "id", "name", "label", "status", "signOnMode", "created", "lastUpdated", "_links");
        IsOktaId(app.GetProperty("id").GetString(), "0oa");
        Assert.Equal("INACTIVE", app.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Errors_carry_25_character_error_ids_and_name_custom_roles()
    {
        using var missing = await _client.GetAsync("/api/v1/iam/roles/cr0DoesNotExist00000");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        var body = await missing.JsonAsync();
        Assert.Equal("Not found: Resource not found: cr0DoesNotExist00000 (CustomRole)", body.GetProperty("errorSummary").GetString());
        var errorId = body.GetProperty("errorId").GetString()!;
        Assert.Equal(25, errorId.Length);
        Assert.StartsWith("oae", errorId, StringComparison.Ordinal);
        using var again = await _client.GetAsync("/api/v1/iam/roles/cr0DoesNotExist00000");
        Assert.NotEqual(errorId, (await again.JsonAsync()).GetProperty("errorId").GetString());
    }

    [Fact]
    public async Task Assignment_and_token_shapes()
    {
        var app = await _sim.AppIdAsync("Slack");
        var appUsers = await GetAsync($"/api/v1/apps/{app}/users?limit=500");
        var groupScoped = appUsers.EnumerateArray().First(u => u.GetProperty("scope").GetString() == "GROUP");
        HasKeys(groupScoped, "id", "scope", "status", "credentials", "profile", "_links");
        HasKeys(groupScoped.GetProperty("credentials"), "userName");
        HasKeys(groupScoped.GetProperty("_links"), "app", "user", "group");
        var alice = await _sim.UserIdAsync("alice.anderson@acme.example");
        Assert.Equal("USER", appUsers.EnumerateArray().Single(u => u.GetProperty("id").GetString() == alice).GetProperty("scope").GetString());

        var appGroup = (await GetAsync($"/api/v1/apps/{app}/groups"))[0];
        HasKeys(appGroup, "id", "priority", "profile", "_links");

        var carol = await _sim.UserIdAsync("carol.chen@acme.example");
        var custom = (await GetAsync($"/api/v1/users/{carol}/roles")).EnumerateArray().First(r => r.GetProperty("assignmentType").GetString() == "USER" && r.GetProperty("type").GetString() == "CUSTOM");
        HasKeys(custom, "id", "label", "type", "status", "assignmentType", "role", "resource-set");
        Assert.Equal("CUSTOM", custom.GetProperty("type").GetString());
        IsOktaId(custom.GetProperty("role").GetString(), "cr0");
        IsOktaId(custom.GetProperty("resource-set").GetString(), "iam");

        var bob = await _sim.UserIdAsync("bob.brown@acme.example");
        var inactive = (await GetAsync($"/api/v1/users/{bob}/roles"))[0];
        Assert.Equal("INACTIVE", inactive.GetProperty("status").GetString());

        var tokens = await GetAsync("/api/v1/api-tokens");
        foreach (var token in tokens.EnumerateArray())
        {
            HasKeys(token, "id", "name", "userId", "clientName", "tokenWindow", "network", "created", "lastUpdated");
            IsOktaId(token.GetProperty("id").GetString(), "00T");
            IsOktaId(token.GetProperty("userId").GetString(), "00u");
        }
    }
}
