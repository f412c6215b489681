using System.Net;
using Xunit;

namespace OktaBaton.Core.Tests.Simulator;

/// <summary>Profile updates against the user schema, the devices list, and app username templates.</summary>
public sealed class ProfileDeviceTests
{
    private static StringContent Json(string json) => HttpTestExtensions.JsonBody(json);

    [Fact]
    public async Task A_partial_update_changes_only_what_it_sends_and_a_new_login_is_found_by_it()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.Client();
        var liam = await sim.UserIdAsync("liam.lopez@acme.example");

        using var update = await client.PostAsync($"/api/v1/users/{liam}", Json("""{"profile":{"login":"liam.l@acme.example","title":"QA Lead","employeeIdNumber":"E-77"}}"""));

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        using var byLogin = await client.GetAsync("/api/v1/users/liam.l%40acme.example");
        var profile = (await byLogin.JsonAsync()).GetProperty("profile");
        Assert.Equal(("QA Lead", "E-77", "Liam", "Engineering"),
            (profile.GetProperty("title").GetString(), profile.GetProperty("employeeIdNumber").GetString(), profile.GetProperty("firstName").GetString(), profile.GetProperty("department").GetString()));
        using var oldLogin = await client.GetAsync("/api/v1/users/liam.lopez%40acme.example");
        Assert.Equal(HttpStatusCode.NotFound, oldLogin.StatusCode);
    }

    [Fact]
    public async Task Attributes_the_schema_does_not_define_and_blank_required_ones_are_refused_naming_them()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.Client();
        var liam = await sim.UserIdAsync("liam.lopez@acme.example");
        var before = (await sim.StateAsync()).GetRawText();

        using var unknown = await client.PostAsync($"/api/v1/users/{liam}", Json("""{"profile":{"title":"X","shoeSize":"44"}}"""));
        using var blank = await client.PostAsync($"/api/v1/users/{liam}", Json("""{"profile":{"lastName":""}}"""));
        using var create = await client.PostAsync("/api/v1/users?activate=false", Json("""{"profile":{"login":"new@acme.example","email":"new@acme.example","firstName":"N","lastName":"U","favouriteColour":"red"}}"""));

        var body = await unknown.JsonAsync();
        Assert.Equal((400, "E0000001"), ((int)unknown.StatusCode, body.GetProperty("errorCode").GetString()));
        Assert.Contains("shoeSize", body.GetProperty("errorCauses")[0].GetProperty("errorSummary").GetString(), StringComparison.Ordinal);
        Assert.Equal("lastName: The field cannot be left blank", (await blank.JsonAsync()).GetProperty("errorCauses")[0].GetProperty("errorSummary").GetString());
        var created = await create.JsonAsync();
        Assert.Equal("Api validation failed: newUser", created.GetProperty("errorSummary").GetString());
        Assert.Contains("favouriteColour", created.GetProperty("errorCauses")[0].GetProperty("errorSummary").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await sim.StateAsync()).GetRawText());
    }

    [Fact]
    public async Task A_deactivated_users_profile_cannot_be_updated()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var erin = await sim.UserIdAsync("erin.evans@acme.example");

        using var update = await sim.Client().PostAsync($"/api/v1/users/{erin}", Json("""{"profile":{"title":"Gone"}}"""));

        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Equal("E0000007", await update.ErrorCodeAsync());
    }

    [Fact]
    public async Task Devices_page_by_cursor_and_embed_their_users_when_expanded()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.Client();
        var state = await sim.StateAsync();
        var expected = state.GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.True(expected.Count > 3);

        var seen = new List<string?>();
        string? url = "/api/v1/devices?limit=3&expand=user";
        while (url is not null)
        {
            using var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            foreach (var device in (await page.JsonAsync()).EnumerateArray())
            {
                seen.Add(device.GetProperty("id").GetString());
                var users = device.GetProperty("_embedded").GetProperty("users").EnumerateArray().ToList();
                var stateDevice = state.GetProperty("devices").EnumerateArray().Single(d => d.GetProperty("id").GetString() == device.GetProperty("id").GetString());
                Assert.Equal(stateDevice.GetProperty("userIds").EnumerateArray().Select(u => u.GetString()), users.Select(u => u.GetProperty("user").GetProperty("id").GetString()));
                Assert.All(users, u => Assert.True(u.GetProperty("user").TryGetProperty("status", out _)));
            }
            url = page.Link("next");
        }
        Assert.Equal(expected, seen);

        using var summary = await client.GetAsync("/api/v1/devices?expand=userSummary");
        var shared = (await summary.JsonAsync()).EnumerateArray().Single(d => d.GetProperty("profile").GetProperty("displayName").GetString() == "ENG-LAB-07");
        Assert.Equal(2, shared.GetProperty("_embedded").GetProperty("users").GetArrayLength());
        using var plain = await client.GetAsync("/api/v1/devices");
        Assert.False((await plain.JsonAsync())[0].TryGetProperty("_embedded", out _));
        using var readOnly = await sim.Client(SimulatorFixture.ReadOnlyToken).GetAsync("/api/v1/devices");
        Assert.Equal(HttpStatusCode.OK, readOnly.StatusCode);
    }

    [Fact]
    public async Task A_user_assigned_without_a_username_gets_the_apps_template()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.Client();
        var noah = await sim.UserIdAsync("noah.nguyen@acme.example");
        var slack = await sim.AppIdAsync("Slack");
        var zoom = await sim.AppIdAsync("Zoom");
        using var app = await client.GetAsync($"/api/v1/apps/{slack}");
        Assert.Equal("${fn:substringBefore(source.email, \"@\")}", (await app.JsonAsync()).GetProperty("credentials").GetProperty("userNameTemplate").GetProperty("template").GetString());

        using var toSlack = await client.PostAsync($"/api/v1/apps/{slack}/users", Json($$"""{"id":"{{noah}}","scope":"USER"}"""));
        using var toZoom = await client.PostAsync($"/api/v1/apps/{zoom}/users", Json($$"""{"id":"{{noah}}","scope":"USER"}"""));

        Assert.Equal("noah.nguyen", (await toSlack.JsonAsync()).GetProperty("credentials").GetProperty("userName").GetString());
        Assert.Equal("noah.nguyen@acme.example", (await toZoom.JsonAsync()).GetProperty("credentials").GetProperty("userName").GetString());
    }
}
