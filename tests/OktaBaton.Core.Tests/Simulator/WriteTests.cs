using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Xunit;

namespace OktaBaton.Core.Tests.Simulator;

/// <summary>State changes from writes, and Okta's answers to invalid ones. Each test gets a fresh org.</summary>
public sealed class WriteTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorFixture.StartAsync();
        _client = _sim.Client();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private static StringContent Json(string json) => HttpTestExtensions.JsonBody(json);

    private async Task<JsonElement> StateGroupAsync(string id) =>
        (await _sim.StateAsync()).GetProperty("groups").EnumerateArray().First(g => g.GetProperty("id").GetString() == id);

    private async Task<JsonElement> StateUserAsync(string id) =>
        (await _sim.StateAsync()).GetProperty("users").EnumerateArray().First(u => u.GetProperty("id").GetString() == id);

    [Fact]
    public async Task Membership_put_and_delete_change_state_and_are_idempotent()
    {
        var group = await _sim.GroupIdAsync("Sales");
        var user = await _sim.UserIdAsync("noah.nguyen@acme.example");
        using var put = await _client.PutAsync($"/api/v1/groups/{group}/users/{user}", Json(""));
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        using var putAgain = await _client.PutAsync($"/api/v1/groups/{group}/users/{user}", Json(""));
        Assert.Equal(HttpStatusCode.NoContent, putAgain.StatusCode);
        Assert.Contains(user, (await StateGroupAsync(group)).GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()));

        using var delete = await _client.DeleteAsync($"/api/v1/groups/{group}/users/{user}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var deleteAgain = await _client.DeleteAsync($"/api/v1/groups/{group}/users/{user}");
        Assert.Equal(HttpStatusCode.NoContent, deleteAgain.StatusCode);
        Assert.DoesNotContain(user, (await StateGroupAsync(group)).GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()));
    }

    [Theory]
    [InlineData("Everyone", HttpStatusCode.NotImplemented, "E0000060", "Unsupported operation.")]
    [InlineData("Salesforce Imported Users", HttpStatusCode.Forbidden, "E0000006", "You do not have permission to perform the requested action")]
    public async Task Membership_of_non_okta_groups_cannot_change(string groupName, HttpStatusCode status, string errorCode, string summary)
    {
        var group = await _sim.GroupIdAsync(groupName);
        var user = await _sim.UserIdAsync("noah.nguyen@acme.example");
        var before = (await StateGroupAsync(group)).GetProperty("memberIds").GetArrayLength();
        using var put = await _client.PutAsync($"/api/v1/groups/{group}/users/{user}", Json(""));
        Assert.Equal(status, put.StatusCode);
        var body = await put.JsonAsync();
        Assert.Equal(errorCode, body.GetProperty("errorCode").GetString());
        Assert.Equal(summary, body.GetProperty("errorSummary").GetString());
        using var delete = await _client.DeleteAsync($"/api/v1/groups/{group}/users/{user}");
        Assert.Equal(status, delete.StatusCode);
        Assert.Equal(errorCode, await delete.ErrorCodeAsync());
        Assert.Equal(before, (await StateGroupAsync(group)).GetProperty("memberIds").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_ids_are_404_E0000007_naming_the_id()
    {
        using var user = await _client.GetAsync("/api/v1/users/00uDoesNotExist00000");
        Assert.Equal(HttpStatusCode.NotFound, user.StatusCode);
        var body = await user.JsonAsync();
        Assert.Equal("E0000007", body.GetProperty("errorCode").GetString());
        Assert.Equal("Not found: Resource not found: 00uDoesNotExist00000 (User)", body.GetProperty("errorSummary").GetString());
        using var group = await _client.PutAsync($"/api/v1/groups/00gNope/users/{await _sim.UserIdAsync("noah.nguyen@acme.example")}", Json(""));
        Assert.Equal("E0000007", await group.ErrorCodeAsync());
    }

    [Fact]
    public async Task User_can_be_read_by_login()
    {
        var id = await _sim.UserIdAsync("maya.miller@acme.example");
        using var response = await _client.GetAsync("/api/v1/users/maya.miller@acme.example");
        Assert.Equal(id, (await response.JsonAsync()).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("false", true, "STAGED")]
    [InlineData("true", true, "ACTIVE")]
    [InlineData("true", false, "PROVISIONED")]
    public async Task Created_users_get_the_status_okta_gives(string activate, bool withPassword, string expected)
    {
        var credentials = withPassword ? ",\"credentials\":{\"password\":{\"value\":\"Sup3r-secret-Passw0rd!\"}}" : "";
        using var response = await _client.PostAsync($"/api/v1/users?activate={activate}",
            Json("{\"profile\":{\"login\":\"new.person@acme.example\",\"email\":\"new.person@acme.example\",\"firstName\":\"New\",\"lastName\":\"Person\",\"costCenter\":\"CC-7\"}" + credentials + "}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = await response.JsonAsync();
        Assert.Equal(expected, created.GetProperty("status").GetString());
        Assert.StartsWith("00u", created.GetProperty("id").GetString());
        Assert.Equal(20, created.GetProperty("id").GetString()!.Length);
        var state = await StateUserAsync(created.GetProperty("id").GetString()!);
        Assert.Equal(expected, state.GetProperty("status").GetString());
        Assert.Equal("CC-7", state.GetProperty("profile").GetProperty("costCenter").GetString());
        Assert.DoesNotContain("Sup3r", await (await _client.GetAsync("/__simulator/state")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Duplicate_login_is_400_E0000001_with_the_okta_cause()
    {
        using var response = await _client.PostAsync("/api/v1/users?activate=false",
            Json("{\"profile\":{\"login\":\"ALICE.anderson@acme.example\",\"email\":\"x@acme.example\",\"firstName\":\"A\",\"lastName\":\"B\"}}"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("E0000001", body.GetProperty("errorCode").GetString());
        Assert.Equal("login: An object with this field already exists in the current organization",
            body.GetProperty("errorCauses")[0].GetProperty("errorSummary").GetString());
    }

    [Fact]
    public async Task Lifecycle_transitions_follow_okta_rules()
    {
        var liam = await _sim.UserIdAsync("liam.lopez@acme.example");
        var jack = await _sim.UserIdAsync("jack.jones@acme.example");
        var dave = await _sim.UserIdAsync("dave.davis@acme.example");

        using var suspendStaged = await _client.PostAsync($"/api/v1/users/{jack}/lifecycle/suspend", null);
        Assert.Equal(HttpStatusCode.BadRequest, suspendStaged.StatusCode);
        var error = await suspendStaged.JsonAsync();
        Assert.Equal("E0000001", error.GetProperty("errorCode").GetString());
        Assert.Equal("Cannot suspend a user that is not active", error.GetProperty("errorCauses")[0].GetProperty("errorSummary").GetString());

        using var suspend = await _client.PostAsync($"/api/v1/users/{liam}/lifecycle/suspend", null);
        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        Assert.Equal("SUSPENDED", (await StateUserAsync(liam)).GetProperty("status").GetString());

        using var unsuspendActive = await _client.PostAsync($"/api/v1/users/{jack}/lifecycle/unsuspend", null);
        Assert.Equal(HttpStatusCode.BadRequest, unsuspendActive.StatusCode);
        using var unsuspend = await _client.PostAsync($"/api/v1/users/{dave}/lifecycle/unsuspend", null);
        Assert.Equal(HttpStatusCode.OK, unsuspend.StatusCode);
        Assert.Equal("ACTIVE", (await StateUserAsync(dave)).GetProperty("status").GetString());

        using var activate = await _client.PostAsync($"/api/v1/users/{jack}/lifecycle/activate?sendEmail=false", null);
        Assert.Equal(HttpStatusCode.OK, activate.StatusCode);
        Assert.NotEqual("STAGED", (await StateUserAsync(jack)).GetProperty("status").GetString());

        using var deactivate = await _client.PostAsync($"/api/v1/users/{liam}/lifecycle/deactivate", null);
        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        var state = await _sim.StateAsync();
        Assert.Equal("DEPROVISIONED", state.GetProperty("users").EnumerateArray().First(u => u.GetProperty("id").GetString() == liam).GetProperty("status").GetString());
        var everyone = state.GetProperty("groups").EnumerateArray().First(g => g.GetProperty("type").GetString() == "BUILT_IN");
        Assert.DoesNotContain(liam, everyone.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Role_assignment_is_201_then_409_E0000090_and_revocable()
    {
        var liam = await _sim.UserIdAsync("liam.lopez@acme.example");
        using var first = await _client.PostAsync($"/api/v1/users/{liam}/roles", Json("{\"type\":\"REPORT_ADMIN\"}"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var assignment = await first.JsonAsync();
        Assert.Equal("USER", assignment.GetProperty("assignmentType").GetString());
        using var second = await _client.PostAsync($"/api/v1/users/{liam}/roles", Json("{\"type\":\"REPORT_ADMIN\"}"));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("E0000090", await second.ErrorCodeAsync());

        var assignees = await (await _client.GetAsync("/api/v1/iam/assignees/users")).JsonAsync();
        Assert.Contains(liam, assignees.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("id").GetString()));

        using var delete = await _client.DeleteAsync($"/api/v1/users/{liam}/roles/{assignment.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        var state = await _sim.StateAsync();
        Assert.DoesNotContain(state.GetProperty("userRoles").EnumerateArray(), r => r.GetProperty("userId").GetString() == liam);
    }

    [Fact]
    public async Task Group_role_assignment_marks_the_group_as_privileged()
    {
        var sales = await _sim.GroupIdAsync("Sales");
        using var assign = await _client.PostAsync($"/api/v1/groups/{sales}/roles", Json("{\"type\":\"USER_ADMIN\"}"));
        // assignRoleToGroup: "200 Success" with the assignment (its 201 has no content); assignRoleToUser answers 201
        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        Assert.Equal("GROUP", (await assign.JsonAsync()).GetProperty("assignmentType").GetString());
        var group = await (await _client.GetAsync($"/api/v1/groups/{sales}?expand=stats")).JsonAsync();
        Assert.True(group.GetProperty("_embedded").GetProperty("stats").GetProperty("hasAdminPrivilege").GetBoolean());
        using var readOnly = await _sim.Client(SimulatorFixture.ReadOnlyToken).GetAsync($"/api/v1/groups/{sales}/users");
        Assert.Equal(HttpStatusCode.Forbidden, readOnly.StatusCode);
    }

    [Fact]
    public async Task App_assignments_to_users_and_groups_change_app_users()
    {
        var github = await _sim.AppIdAsync("GitHub Enterprise");
        var noah = await _sim.UserIdAsync("noah.nguyen@acme.example");
        using var assign = await _client.PostAsync($"/api/v1/apps/{github}/users", Json($"{{\"id\":\"{noah}\",\"scope\":\"USER\",\"credentials\":{{\"userName\":\"noah-gh\"}}}}"));
        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        var appUser = await assign.JsonAsync();
        Assert.Equal("USER", appUser.GetProperty("scope").GetString());
        Assert.Equal("noah-gh", appUser.GetProperty("credentials").GetProperty("userName").GetString());
        using var again = await _client.PostAsync($"/api/v1/apps/{github}/users", Json($"{{\"id\":\"{noah}\",\"scope\":\"USER\"}}"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("E0000062", await again.ErrorCodeAsync());

        var sales = await _sim.GroupIdAsync("Sales");
        var salesMembers = (await StateGroupAsync(sales)).GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()!).ToList();
        using var assignGroup = await _client.PutAsync($"/api/v1/apps/{github}/groups/{sales}", Json("{\"priority\":0}"));
        Assert.Equal(HttpStatusCode.OK, assignGroup.StatusCode);
        var users = await (await _client.GetAsync($"/api/v1/apps/{github}/users?limit=500")).JsonAsync();
        foreach (var member in salesMembers)
        {
            var entry = users.EnumerateArray().Single(u => u.GetProperty("id").GetString() == member);
            Assert.Equal("GROUP", entry.GetProperty("scope").GetString());
        }

        using var unassignGroup = await _client.DeleteAsync($"/api/v1/apps/{github}/groups/{sales}");
        Assert.Equal(HttpStatusCode.NoContent, unassignGroup.StatusCode);
        using var unassignUser = await _client.DeleteAsync($"/api/v1/apps/{github}/users/{noah}");
        Assert.Equal(HttpStatusCode.NoContent, unassignUser.StatusCode);
        var app = (await _sim.StateAsync()).GetProperty("apps").EnumerateArray().First(a => a.GetProperty("id").GetString() == github);
        var remaining = app.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("userId").GetString()).ToList();
        Assert.DoesNotContain(noah, remaining);
        Assert.DoesNotContain(remaining, id => salesMembers.Contains(id!));
        Assert.Equal(0, app.GetProperty("groups").GetArrayLength());
    }

    [Fact]
    public async Task Groups_are_created_replaced_and_deleted_but_built_in_ones_are_not()
    {
        using var create = await _client.PostAsync("/api/v1/groups", Json("{\"profile\":{\"name\":\"Platform\",\"description\":\"Platform team\"}}"));
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        var id = (await create.JsonAsync()).GetProperty("id").GetString()!;
        Assert.StartsWith("00g", id);
        using var replace = await _client.PutAsync($"/api/v1/groups/{id}", Json("{\"profile\":{\"name\":\"Platform Eng\"}}"));
        Assert.Equal(HttpStatusCode.OK, replace.StatusCode);
        var state = await StateGroupAsync(id);
        Assert.Equal("Platform Eng", state.GetProperty("profile").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, state.GetProperty("profile").GetProperty("description").ValueKind);
        using var delete = await _client.DeleteAsync($"/api/v1/groups/{id}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var gone = await _client.GetAsync($"/api/v1/groups/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        using var everyone = await _client.DeleteAsync($"/api/v1/groups/{await _sim.GroupIdAsync("Everyone")}");
        Assert.Equal(HttpStatusCode.Forbidden, everyone.StatusCode);
        Assert.Equal("E0000006", await everyone.ErrorCodeAsync());

        var appGroup = await _sim.GroupIdAsync("Salesforce Imported Users");
        using var deleteAppGroup = await _client.DeleteAsync($"/api/v1/groups/{appGroup}");
        Assert.Equal(HttpStatusCode.NoContent, deleteAppGroup.StatusCode);
        Assert.DoesNotContain((await _sim.StateAsync()).GetProperty("groups").EnumerateArray(), g => g.GetProperty("id").GetString() == appGroup);
    }

    [Fact]
    public async Task Resource_set_binding_members_can_be_added_and_removed()
    {
        var client = _client;
        var sets = await (await client.GetAsync("/api/v1/iam/resource-sets")).JsonAsync();
        var set = sets.GetProperty("resource-sets").EnumerateArray().First(s => s.GetProperty("label").GetString() == "Contractor Apps").GetProperty("id").GetString();
        var role = (await (await client.GetAsync("/api/v1/iam/roles")).JsonAsync()).GetProperty("roles").EnumerateArray()
            .First(r => r.GetProperty("label").GetString() == "App Auditor").GetProperty("id").GetString();
        var noah = await _sim.UserIdAsync("liam.lopez@acme.example");
        var href = $"{_sim.Host.BaseUrl.GetLeftPart(UriPartial.Authority)}/api/v1/users/{noah}";
        using var bind = await client.PostAsync($"/api/v1/iam/resource-sets/{set}/bindings", Json($"{{\"role\":\"{role}\",\"members\":[\"{href}\"]}}"));
        Assert.Equal(HttpStatusCode.OK, bind.StatusCode);

        var members = await (await client.GetAsync($"/api/v1/iam/resource-sets/{set}/bindings/{role}/members")).JsonAsync();
        var member = members.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("_links").GetProperty("self").GetProperty("href").GetString() == href);
        var roles = await (await client.GetAsync($"/api/v1/users/{noah}/roles")).JsonAsync();
        Assert.Contains(roles.EnumerateArray(), r => r.GetProperty("type").GetString() == "CUSTOM" && r.GetProperty("role").GetString() == role);

        using var remove = await client.DeleteAsync($"/api/v1/iam/resource-sets/{set}/bindings/{role}/members/{member.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        var state = await _sim.StateAsync();
        var binding = state.GetProperty("resourceSets").EnumerateArray().First(s => s.GetProperty("id").GetString() == set)
            .GetProperty("bindings").EnumerateArray().First(b => b.GetProperty("roleId").GetString() == role);
        Assert.DoesNotContain(binding.GetProperty("members").EnumerateArray(), m => m.GetProperty("principalId").GetString() == noah);
        Assert.DoesNotContain(state.GetProperty("userRoles").EnumerateArray(), r => r.GetProperty("userId").GetString() == noah);
    }

    [Fact]
    public async Task Bad_json_is_400_E0000003()
    {
        using var response = await _client.PostAsync("/api/v1/groups", Json("{\"profile\": {"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("E0000003", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task Post_without_body_or_content_length_is_411()
    {
        var liam = await _sim.UserIdAsync("liam.lopez@acme.example");
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, _sim.Host.BaseUrl.Port);
        var stream = socket.GetStream();
        var request = $"POST /api/v1/users/{liam}/lifecycle/suspend HTTP/1.1\r\nHost: {_sim.Host.Domain}\r\nAuthorization: SSWS {SimulatorFixture.SuperToken}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var statusLine = await reader.ReadLineAsync();
        Assert.Equal("HTTP/1.1 411 Length Required", statusLine);
        Assert.Equal("ACTIVE", (await StateUserAsync(liam)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Activation_is_refused_for_active_and_provisioned_users()
    {
        var alice = await _sim.UserIdAsync("alice.anderson@acme.example");
        var henry = await _sim.UserIdAsync("henry.hughes@acme.example");
        using var active = await _client.PostAsync($"/api/v1/users/{alice}/lifecycle/activate?sendEmail=false", null);
        Assert.Equal(HttpStatusCode.Forbidden, active.StatusCode);
        Assert.Equal("E0000016", await active.ErrorCodeAsync());
        using var provisioned = await _client.PostAsync($"/api/v1/users/{henry}/lifecycle/activate?sendEmail=false", null);
        Assert.Equal(HttpStatusCode.Forbidden, provisioned.StatusCode);
        Assert.Equal("E0000038", await provisioned.ErrorCodeAsync());
        Assert.Equal("PROVISIONED", (await StateUserAsync(henry)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Deleting_a_user_deactivates_first_then_deletes_everywhere()
    {
        var alice = await _sim.UserIdAsync("alice.anderson@acme.example");
        using var first = await _client.DeleteAsync($"/api/v1/users/{alice}");
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal("DEPROVISIONED", (await StateUserAsync(alice)).GetProperty("status").GetString());
        using var second = await _client.DeleteAsync($"/api/v1/users/{alice}");
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        var state = await _sim.StateAsync();
        Assert.DoesNotContain(state.GetProperty("users").EnumerateArray(), u => u.GetProperty("id").GetString() == alice);
        Assert.DoesNotContain(state.GetProperty("groups").EnumerateArray(), g => g.GetProperty("memberIds").EnumerateArray().Any(m => m.GetString() == alice));
        Assert.DoesNotContain(state.GetProperty("apps").EnumerateArray(), a => a.GetProperty("users").EnumerateArray().Any(u => u.GetProperty("userId").GetString() == alice));
        Assert.DoesNotContain(state.GetProperty("userRoles").EnumerateArray(), r => r.GetProperty("userId").GetString() == alice);
        using var gone = await _client.GetAsync($"/api/v1/users/{alice}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
