using System.Net;
using System.Text.Json;
using Xunit;

namespace OktaBaton.Core.Tests.Simulator;

/// <summary>
/// Every change the simulator applies is in its System Log with the event type Okta's catalogue gives it. The table
/// below names one change per write route; <see cref="Every_write_route_has_a_change_in_the_table"/> fails when a new
/// write route arrives without one, so a new kind of change cannot ship without its event.
/// </summary>
public sealed class ChangeEventTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorFixture.StartAsync();
        _client = _sim.Client();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    /// <summary>A change: the write route it exercises, what it does, and the event types it must record, in order.</summary>
    public sealed record Change(string Route, string Name, Func<ChangeEventTests, Task<HttpResponseMessage>> Act, string[] EventTypes, Func<ChangeEventTests, Task<string>>? TargetId = null)
    {
        public override string ToString() => Name;
    }

    private static StringContent Json(string json) => HttpTestExtensions.JsonBody(json);

    private Task<string> User(string login) => _sim.UserIdAsync(login);
    private Task<string> Group(string name) => _sim.GroupIdAsync(name);
    private Task<string> App(string label) => _sim.AppIdAsync(label);

    private async Task<string> RoleAssignmentIdAsync(string principalPath, string type)
    {
        var roles = await (await _client.GetAsync($"/api/v1/{principalPath}/roles")).JsonAsync();
        return roles.EnumerateArray().First(r => r.GetProperty("type").GetString() == type).GetProperty("id").GetString()!;
    }

    private async Task<string> ApiTokenAsync(string name)
    {
        var state = await _sim.StateAsync();
        return state.GetProperty("apiTokens").EnumerateArray().First(t => t.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
    }

    private async Task<(string SetId, string RoleId)> BindingAsync(string setLabel)
    {
        var state = await _sim.StateAsync();
        var set = state.GetProperty("resourceSets").EnumerateArray().First(s => s.GetProperty("label").GetString() == setLabel);
        var binding = set.GetProperty("bindings").EnumerateArray().First();
        return (set.GetProperty("id").GetString()!, binding.GetProperty("roleId").GetString()!);
    }

    private static Change Lifecycle(string action, string login, string eventType) => new(
        "POST /api/v1/users/{id}/lifecycle/{action}", $"lifecycle/{action} {login}",
        async t => await t._client.PostAsync($"/api/v1/users/{await t.User(login)}/lifecycle/{action}{(action == "activate" ? "?sendEmail=false" : "")}", null),
        new[] { eventType }, t => t.User(login));

    /// <summary>A role target change on a user's assignment of <paramref name="roleType"/>: a change of the user's privileges.</summary>
    private static Change UserTarget(string method, string template, string name, string login, string roleType, Func<ChangeEventTests, Task<string>> target) => new(
        $"{method} /api/v1/users/{{id}}/roles/{{roleAssignmentId}}/targets/{template}", name,
        async t =>
        {
            var user = await t.User(login);
            var path = $"/api/v1/users/{user}/roles/{await t.RoleAssignmentIdAsync($"users/{user}", roleType)}/targets/{template[..template.IndexOf('{')]}{await target(t)}";
            return method == "PUT" ? await t._client.PutAsync(path, Json("")) : await t._client.DeleteAsync(path);
        },
        new[] { "user.account.privilege.grant" }, t => t.User(login));

    /// <summary>
    /// A role target change on a group's assignment of <paramref name="roleType"/>. The group's APP_ADMIN with two app
    /// targets is made before the change (unrecorded in what is compared): the demo org has none.
    /// </summary>
    private static Change GroupTarget(string method, string template, string name, string groupName, string roleType, Func<ChangeEventTests, Task<string>> target) => new(
        $"{method} /api/v1/groups/{{id}}/roles/{{roleAssignmentId}}/targets/{template}", name,
        async t =>
        {
            var group = await t.Group(groupName);
            var path = $"/api/v1/groups/{group}/roles/{await t.RoleAssignmentIdAsync($"groups/{group}", roleType)}/targets/{template[..template.IndexOf('{')]}{await target(t)}";
            return method == "PUT" ? await t._client.PutAsync(path, Json("")) : await t._client.DeleteAsync(path);
        },
        new[] { "group.privilege.grant" },
        async t =>
        {
            var group = await t.Group(groupName);
            if (roleType == "APP_ADMIN")
            {
                using var assign = await t._client.PostAsync($"/api/v1/groups/{group}/roles", Json("""{"type":"APP_ADMIN"}"""));
                var id = (await assign.JsonAsync()).GetProperty("id").GetString();
                using (await t._client.PutAsync($"/api/v1/groups/{group}/roles/{id}/targets/catalog/apps/slack", Json(""))) { }
                using (await t._client.PutAsync($"/api/v1/groups/{group}/roles/{id}/targets/catalog/apps/zoomus/{await t.App("Zoom")}", Json(""))) { }
            }
            return group;
        });

    public static IEnumerable<object[]> Changes() => AllChanges.Select(c => new object[] { c });

    public static readonly Change[] AllChanges =
    {
        new("POST /api/v1/users", "create an active user in a group",
            async t => await t._client.PostAsync("/api/v1/users?activate=true",
                Json($$$"""{"profile":{"login":"new.hire@acme.example","email":"new.hire@acme.example","firstName":"New","lastName":"Hire"},"credentials":{"password":{"value":"Abcd1234!x"}},"groupIds":["{{{await t.Group("Sales")}}}"]}""")),
            new[] { "user.lifecycle.create", "user.lifecycle.activate", "group.user_membership.add", "application.user_membership.add" }),
        new("POST /api/v1/users/{id}", "update a profile",
            async t => await t._client.PostAsync($"/api/v1/users/{await t.User("noah.nguyen@acme.example")}", Json("""{"profile":{"title":"Principal SRE"}}""")),
            new[] { "user.account.update_profile" }, t => t.User("noah.nguyen@acme.example")),
        new("DELETE /api/v1/users/{id}", "delete a user that is not deprovisioned: deactivates it",
            async t => await t._client.DeleteAsync($"/api/v1/users/{await t.User("kate.kim@acme.example")}"),
            new[] { "user.lifecycle.deactivate", "application.user_membership.remove", "application.user_membership.remove" }, t => t.User("kate.kim@acme.example")),
        new("DELETE /api/v1/users/{id}", "delete a deprovisioned user",
            async t => await t._client.DeleteAsync($"/api/v1/users/{await t.User("erin.evans@acme.example")}"),
            new[] { "user.lifecycle.delete.initiated", "user.lifecycle.delete.completed" }, t => t.User("erin.evans@acme.example")),
        Lifecycle("activate", "jack.jones@acme.example", "user.lifecycle.activate"),
        new("POST /api/v1/users/{id}/lifecycle/{action}", "lifecycle/deactivate noah.nguyen@acme.example (unassigns Slack)",
            async t => await t._client.PostAsync($"/api/v1/users/{await t.User("noah.nguyen@acme.example")}/lifecycle/deactivate", null),
            new[] { "user.lifecycle.deactivate", "application.user_membership.remove" }, t => t.User("noah.nguyen@acme.example")),
        Lifecycle("deactivate", "jack.jones@acme.example", "user.lifecycle.deactivate"),
        Lifecycle("reset_factors", "alice.anderson@acme.example", "user.mfa.factor.reset_all"),
        Lifecycle("suspend", "noah.nguyen@acme.example", "user.lifecycle.suspend"),
        Lifecycle("unsuspend", "dave.davis@acme.example", "user.lifecycle.unsuspend"),
        Lifecycle("reactivate", "henry.hughes@acme.example", "user.lifecycle.reactivate"),
        Lifecycle("unlock", "frank.fischer@acme.example", "user.account.unlock_by_admin"),
        Lifecycle("unlock", "alice.anderson@acme.example", "user.account.unlock_by_admin"),
        Lifecycle("expire_password", "noah.nguyen@acme.example", "user.account.expire_password"),
        new("POST /api/v1/groups", "create a group",
            async t => await t._client.PostAsync("/api/v1/groups", Json("""{"profile":{"name":"Auditors","description":"Read the log"}}""")),
            new[] { "group.lifecycle.create" }),
        new("PUT /api/v1/groups/{id}", "rename a group",
            async t => await t._client.PutAsync($"/api/v1/groups/{await t.Group("Project Phoenix")}", Json("""{"profile":{"name":"Project Firebird"}}""")),
            new[] { "group.profile.update" }, t => t.Group("Project Phoenix")),
        new("DELETE /api/v1/groups/{id}", "delete a group assigned to an app",
            async t => await t._client.DeleteAsync($"/api/v1/groups/{await t.Group("Finance Approvers")}"),
            new[] { "group.application_assignment.remove", "application.user_membership.remove", "group.lifecycle.delete" }, t => t.Group("Finance Approvers")),
        new("PUT /api/v1/groups/{id}/users/{userId}", "add a member",
            async t => await t._client.PutAsync($"/api/v1/groups/{await t.Group("Project Phoenix")}/users/{await t.User("noah.nguyen@acme.example")}", Json("")),
            new[] { "group.user_membership.add" }, t => t.User("noah.nguyen@acme.example")),
        new("DELETE /api/v1/groups/{id}/users/{userId}", "remove a member whose app came through the group",
            async t => await t._client.DeleteAsync($"/api/v1/groups/{await t.Group("Sales")}/users/{await t.User("henry.hughes@acme.example")}"),
            new[] { "group.user_membership.remove", "application.user_membership.remove" }, t => t.User("henry.hughes@acme.example")),
        new("POST /api/v1/apps/{id}/users", "assign a user to an app",
            async t => await t._client.PostAsync($"/api/v1/apps/{await t.App("Zoom")}/users", Json($$"""{"id":"{{await t.User("noah.nguyen@acme.example")}}","scope":"USER"}""")),
            new[] { "application.user_membership.add" }, t => t.App("Zoom")),
        new("POST /api/v1/apps/{id}/users/{userId}", "change an app username",
            async t => await t._client.PostAsync($"/api/v1/apps/{await t.App("GitHub Enterprise")}/users/{await t.User("bob.brown@acme.example")}", Json("""{"credentials":{"userName":"bob-b"}}""")),
            new[] { "application.user_membership.change_username" }, t => t.User("bob.brown@acme.example")),
        new("DELETE /api/v1/apps/{id}/users/{userId}", "unassign a user from an app",
            async t => await t._client.DeleteAsync($"/api/v1/apps/{await t.App("GitHub Enterprise")}/users/{await t.User("bob.brown@acme.example")}"),
            new[] { "application.user_membership.remove" }, t => t.App("GitHub Enterprise")),
        new("PUT /api/v1/apps/{id}/groups/{groupId}", "assign a group to an app",
            async t => await t._client.PutAsync($"/api/v1/apps/{await t.App("Zoom")}/groups/{await t.Group("Finance Approvers")}", Json("{}")),
            new[] { "group.application_assignment.add", "application.user_membership.add", "application.user_membership.add", "application.user_membership.add" }, t => t.Group("Finance Approvers")),
        new("DELETE /api/v1/apps/{id}/groups/{groupId}", "unassign a group from an app",
            async t => await t._client.DeleteAsync($"/api/v1/apps/{await t.App("Zoom")}/groups/{await t.Group("Okta Admins")}"),
            new[] { "group.application_assignment.remove", "application.user_membership.remove", "application.user_membership.remove" }, t => t.App("Zoom")),
        new("POST /api/v1/users/{id}/roles", "grant a user a role",
            async t => await t._client.PostAsync($"/api/v1/users/{await t.User("noah.nguyen@acme.example")}/roles", Json("""{"type":"REPORT_ADMIN"}""")),
            new[] { "user.account.privilege.grant" }, t => t.User("noah.nguyen@acme.example")),
        new("DELETE /api/v1/users/{id}/roles/{roleAssignmentId}", "revoke a user's last role",
            async t => await t._client.DeleteAsync($"/api/v1/users/{await t.User("bob.brown@acme.example")}/roles/{await t.RoleAssignmentIdAsync($"users/{await t.User("bob.brown@acme.example")}", "READ_ONLY_ADMIN")}"),
            new[] { "user.account.privilege.revoke" }, t => t.User("bob.brown@acme.example")),
        new("POST /api/v1/groups/{id}/roles", "grant a group a role",
            async t => await t._client.PostAsync($"/api/v1/groups/{await t.Group("Sales")}/roles", Json("""{"type":"REPORT_ADMIN"}""")),
            new[] { "group.privilege.grant" }, t => t.Group("Sales")),
        new("DELETE /api/v1/groups/{id}/roles/{roleAssignmentId}", "revoke a group's role",
            async t => await t._client.DeleteAsync($"/api/v1/groups/{await t.Group("Help Desk")}/roles/{await t.RoleAssignmentIdAsync($"groups/{await t.Group("Help Desk")}", "HELP_DESK_ADMIN")}"),
            new[] { "group.privilege.revoke" }, t => t.Group("Help Desk")),
        new("POST /api/v1/apps/{id}/users/{userId}", "turn a direct assignment its groups also grant to group scope",
            async t => await t._client.PostAsync($"/api/v1/apps/{await t.App("Slack")}/users/{await t.User("alice.anderson@acme.example")}", Json("""{"scope":"GROUP"}""")),
            new[] { "application.user_membership.update" }, t => t.User("alice.anderson@acme.example")),
        UserTarget("PUT", "groups/{targetGroupId}", "limit a user's role to one more group", "carol.chen@acme.example", "USER_ADMIN", t => t.Group("Sales")),
        UserTarget("DELETE", "groups/{targetGroupId}", "lift one of a user's role's group targets", "carol.chen@acme.example", "USER_ADMIN", t => t.Group("Contractors")),
        GroupTarget("PUT", "groups/{targetGroupId}", "limit a group's role to one more group", "Help Desk", "HELP_DESK_ADMIN", t => t.Group("Engineering")),
        GroupTarget("DELETE", "groups/{targetGroupId}", "lift one of a group's role's group targets", "Help Desk", "HELP_DESK_ADMIN", t => t.Group("Sales")),
        UserTarget("PUT", "catalog/apps/{appName}", "limit a user's APP_ADMIN to every instance of a catalog app", "noah.nguyen@acme.example", "APP_ADMIN", _ => Task.FromResult("salesforce")),
        UserTarget("DELETE", "catalog/apps/{appName}", "lift a user's catalog app target", "noah.nguyen@acme.example", "APP_ADMIN", _ => Task.FromResult("zoomus")),
        UserTarget("PUT", "catalog/apps/{appName}/{appId}", "limit a user's APP_ADMIN to one more app instance", "noah.nguyen@acme.example", "APP_ADMIN",
            async t => "githubcloud/" + await t.App("GitHub Enterprise")),
        UserTarget("DELETE", "catalog/apps/{appName}/{appId}", "lift a user's app instance target", "noah.nguyen@acme.example", "APP_ADMIN",
            async t => "slack/" + await t.App("Slack")),
        GroupTarget("PUT", "catalog/apps/{appName}", "limit a group's APP_ADMIN to every instance of a catalog app", "Okta Admins", "APP_ADMIN", _ => Task.FromResult("salesforce")),
        GroupTarget("DELETE", "catalog/apps/{appName}", "lift a group's catalog app target", "Okta Admins", "APP_ADMIN", _ => Task.FromResult("slack")),
        GroupTarget("PUT", "catalog/apps/{appName}/{appId}", "limit a group's APP_ADMIN to one more app instance", "Okta Admins", "APP_ADMIN",
            async t => "githubcloud/" + await t.App("GitHub Enterprise")),
        GroupTarget("DELETE", "catalog/apps/{appName}/{appId}", "lift a group's app instance target", "Okta Admins", "APP_ADMIN",
            async t => "zoomus/" + await t.App("Zoom")),
        new("POST /api/v1/iam/resource-sets/{id}/bindings", "bind a user to a custom role",
            async t =>
            {
                var (set, role) = await t.BindingAsync("Contractor Apps");
                return await t._client.PostAsync($"/api/v1/iam/resource-sets/{set}/bindings", Json($$"""{"role":"{{role}}","members":["{{t._sim.Host.BaseUrl}}api/v1/users/{{await t.User("tara.tran@contractors.example")}}"]}"""));
            },
            new[] { "iam.resourceset.bindings.add", "user.account.privilege.grant" }, t => t.User("tara.tran@contractors.example")),
        new("PATCH /api/v1/iam/resource-sets/{id}/bindings/{roleId}/members", "add a group to a binding",
            async t =>
            {
                var (set, role) = await t.BindingAsync("Contractor Apps");
                using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/iam/resource-sets/{set}/bindings/{role}/members")
                {
                    Content = Json($$"""{"additions":["{{t._sim.Host.BaseUrl}}api/v1/groups/{{await t.Group("Contractors")}}"]}"""),
                };
                return await t._client.SendAsync(request);
            },
            new[] { "iam.resourceset.bindings.add", "group.privilege.grant" }, t => t.Group("Contractors")),
        new("DELETE /api/v1/iam/resource-sets/{id}/bindings/{roleId}/members/{memberId}", "remove a binding member",
            async t =>
            {
                var (set, role) = await t.BindingAsync("Contractor Apps");
                var members = await (await t._client.GetAsync($"/api/v1/iam/resource-sets/{set}/bindings/{role}/members")).JsonAsync();
                var member = members.GetProperty("members").EnumerateArray().First().GetProperty("id").GetString();
                return await t._client.DeleteAsync($"/api/v1/iam/resource-sets/{set}/bindings/{role}/members/{member}");
            },
            new[] { "iam.resourceset.bindings.delete", "user.account.privilege.revoke" }, t => t.User("quinn.quade@contractors.example")),
        new("PUT /api/v1/apps/{id}", "relabel an app",
            async t => await t._client.PutAsync($"/api/v1/apps/{await t.App("Zoom")}", Json("""{"name":"zoomus","label":"Zoom Meetings","signOnMode":"OPENID_CONNECT"}""")),
            new[] { "application.lifecycle.update" }, t => t.App("Zoom")),
        new("POST /api/v1/apps/{id}/lifecycle/deactivate", "deactivate an app",
            async t => await t._client.PostAsync($"/api/v1/apps/{await t.App("Zoom")}/lifecycle/deactivate", null),
            new[] { "application.lifecycle.deactivate" }, t => t.App("Zoom")),
        new("POST /api/v1/apps/{id}/lifecycle/activate", "activate an app",
            async t => await t._client.PostAsync($"/api/v1/apps/{await t.App("Legacy Intranet")}/lifecycle/activate", null),
            new[] { "application.lifecycle.activate" }, t => t.App("Legacy Intranet")),
        new("DELETE /api/v1/apps/{id}", "delete an inactive app",
            async t => await t._client.DeleteAsync($"/api/v1/apps/{await t.App("Legacy Intranet")}"),
            new[] { "application.lifecycle.delete" }, t => t.App("Legacy Intranet")),
        new("DELETE /api/v1/api-tokens/{id}", "revoke an API token",
            async t => await t._client.DeleteAsync($"/api/v1/api-tokens/{await t.ApiTokenAsync("CI pipeline")}"),
            new[] { "system.api_token.revoke" }, t => t.ApiTokenAsync("CI pipeline")),
        new("POST /api/v1/iam/roles", "create a custom role",
            async t => await t._client.PostAsync("/api/v1/iam/roles", Json("""{"label":"Log Reader","description":"Reads the log","permissions":["okta.users.read"]}""")),
            new[] { "iam.role.create" }),
        new("DELETE /api/v1/iam/roles/{roleId}", "delete an unused custom role",
            async t => await t._client.DeleteAsync("/api/v1/iam/roles/Unused%20Custom%20Role"),
            new[] { "iam.role.delete" }),
        new("POST /api/v1/iam/resource-sets", "create a resource set",
            async t => await t._client.PostAsync("/api/v1/iam/resource-sets", Json($$"""{"label":"Auditors' Groups","description":"For auditors","resources":["{{t._sim.Host.BaseUrl}}api/v1/groups"]}""")),
            new[] { "iam.resourceset.create" }),
        new("PUT /api/v1/iam/resource-sets/{id}", "relabel a resource set",
            async t => await t._client.PutAsync($"/api/v1/iam/resource-sets/{(await t.BindingAsync("Contractor Apps")).SetId}", Json("""{"label":"Vendor Apps","description":"Apps vendors use"}""")),
            new[] { "iam.resourceset.update" }),
        new("DELETE /api/v1/iam/resource-sets/{id}", "delete a resource set: its bound role leaves its member",
            async t => await t._client.DeleteAsync($"/api/v1/iam/resource-sets/{(await t.BindingAsync("Contractor Apps")).SetId}"),
            new[] { "iam.resourceset.bindings.delete", "user.account.privilege.revoke", "iam.resourceset.delete" }, t => t.User("quinn.quade@contractors.example")),
    };

    private async Task<List<JsonElement>> LogAsync()
    {
        using var client = new HttpClient { BaseAddress = _sim.Host.BaseUrl };
        return JsonDocument.Parse(await client.GetStringAsync("/__simulator/log")).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Fact]
    public async Task Every_write_route_has_a_change_in_the_table()
    {
        var writeRoutes = _sim.Host.Routes.Where(r => !r.StartsWith("GET ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(writeRoutes);
        var covered = AllChanges.Select(c => c.Route).ToHashSet();
        Assert.All(writeRoutes, route => Assert.True(covered.Contains(route),
            $"{route} changes the org but no change in ChangeEventTests exercises it: add one with the catalogue's event type."));
        Assert.Empty(await LogAsync());
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_change_records_its_events_in_order_with_the_request_as_transaction(Change change)
    {
        var target = change.TargetId is null ? null : await change.TargetId(this);
        var before = (await LogAsync()).Count;
        using var response = await change.Act(this);
        Assert.True(response.IsSuccessStatusCode, $"{change.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var events = (await LogAsync()).Skip(before).ToList();
        Assert.Equal(change.EventTypes, events.Select(e => e.GetProperty("eventType").GetString()).ToArray());

        var requestId = response.Header("X-Okta-Request-Id");
        var owner = (await _sim.StateAsync()).GetProperty("tokenOwnerId").GetString();
        Assert.All(events, e =>
        {
            Assert.Equal(requestId, e.GetProperty("transaction").GetProperty("id").GetString());
            Assert.Equal(owner, e.GetProperty("actor").GetProperty("id").GetString());
            Assert.Equal("User", e.GetProperty("actor").GetProperty("type").GetString());
            Assert.Equal("SUCCESS", e.GetProperty("outcome").GetProperty("result").GetString());
            Assert.StartsWith("00T", e.GetProperty("transaction").GetProperty("detail").GetProperty("requestApiTokenId").GetString());
        });
        if (target is not null)
        {
            Assert.Contains(events, e => e.GetProperty("target").EnumerateArray().Any(t => t.GetProperty("id").GetString() == target));
        }
    }

    [Fact]
    public async Task A_sign_in_moves_last_login_and_records_a_session_start_by_the_user()
    {
        var noah = await User("noah.nguyen@acme.example");
        using var console = new HttpClient { BaseAddress = _sim.Host.BaseUrl };
        using var signIn = await console.PostAsync("/__simulator/users/noah.nguyen@acme.example/sign-in", null);
        using var staged = await console.PostAsync("/__simulator/users/jack.jones@acme.example/sign-in", null);

        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        var e = Assert.Single(await LogAsync());
        Assert.Equal("user.session.start", e.GetProperty("eventType").GetString());
        Assert.Equal(noah, e.GetProperty("actor").GetProperty("id").GetString());
        var user = (await _sim.StateAsync()).GetProperty("users").EnumerateArray().First(u => u.GetProperty("id").GetString() == noah);
        Assert.Equal(e.GetProperty("published").GetDateTimeOffset(), user.GetProperty("lastLogin").GetDateTimeOffset());
        Assert.True(user.GetProperty("lastUpdated").GetDateTimeOffset() < user.GetProperty("lastLogin").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Forbidden, staged.StatusCode);
    }

    [Fact]
    public async Task A_revoked_api_token_authenticates_no_more()
    {
        var state = await _sim.StateAsync();
        var readOnlyTokenId = state.GetProperty("apiTokens")[1].GetProperty("id").GetString();
        using var revoked = await _client.DeleteAsync($"/api/v1/api-tokens/{readOnlyTokenId}");
        using var readOnly = _sim.Client(SimulatorFixture.ReadOnlyToken);
        using var refused = await readOnly.GetAsync("/api/v1/users/me");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("E0000011", await refused.ErrorCodeAsync());
        using var stillAccepted = await _client.GetAsync("/api/v1/users/me");
        Assert.Equal(HttpStatusCode.OK, stillAccepted.StatusCode);
    }

    [Fact]
    public async Task A_refused_or_idempotent_write_records_nothing()
    {
        var sales = await Group("Sales");
        var maya = await User("maya.miller@acme.example");
        using (await _client.PutAsync($"/api/v1/groups/{sales}/users/{maya}", Json(""))) { }
        var before = (await LogAsync()).Count;
        using var again = await _client.PutAsync($"/api/v1/groups/{sales}/users/{maya}", Json(""));
        using var refused = await _client.PutAsync($"/api/v1/groups/{await Group("Everyone")}/users/{maya}", Json(""));
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotImplemented, refused.StatusCode); // Okta's E0000060 "Unsupported operation." for Everyone
        Assert.Equal(before, (await LogAsync()).Count);
    }

    [Fact]
    public async Task Removing_one_of_two_roles_is_a_grant_listing_what_remains()
    {
        var alice = await User("alice.anderson@acme.example");
        var before = (await LogAsync()).Count;
        using var response = await _client.DeleteAsync($"/api/v1/users/{alice}/roles/{await RoleAssignmentIdAsync($"users/{alice}", "APP_ADMIN")}");
        var e = Assert.Single((await LogAsync()).Skip(before));
        Assert.Equal("user.account.privilege.grant", e.GetProperty("eventType").GetString());
        var debug = e.GetProperty("debugContext").GetProperty("debugData");
        Assert.Equal("Help Desk Administrator", debug.GetProperty("privilegeGranted").GetString());
        Assert.Equal("Application Administrator", debug.GetProperty("privilegeRevoked").GetString());
    }

    [Fact]
    public async Task Admin_console_changes_are_recorded_with_the_administrator_and_a_browser()
    {
        var phoenix = await Group("Project Phoenix");
        var noah = await User("noah.nguyen@acme.example");
        var alice = await User("alice.anderson@acme.example");
        using var console = new HttpClient { BaseAddress = _sim.Host.BaseUrl };
        using var response = await console.PutAsync($"/__simulator/console/api/v1/groups/{phoenix}/users/{noah}?admin=alice.anderson@acme.example", Json(""));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var e = Assert.Single(await LogAsync());
        Assert.Equal("group.user_membership.add", e.GetProperty("eventType").GetString());
        Assert.Equal(alice, e.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("CHROME", e.GetProperty("client").GetProperty("userAgent").GetProperty("browser").GetString());
        Assert.False(e.GetProperty("transaction").GetProperty("detail").TryGetProperty("requestApiTokenId", out _));
        Assert.StartsWith("/admin/api/v1/groups/", e.GetProperty("debugContext").GetProperty("debugData").GetProperty("requestUri").GetString());
        Assert.Contains(noah, (await _sim.StateAsync()).GetProperty("groups").EnumerateArray()
            .First(g => g.GetProperty("id").GetString() == phoenix).GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(0, _sim.Host.GetStats().TotalRequests);
    }

    [Fact]
    public async Task Admin_console_answers_like_the_api_for_unknown_paths_and_admins()
    {
        using var console = new HttpClient { BaseAddress = _sim.Host.BaseUrl };
        using var unknownPath = await console.GetAsync("/__simulator/console/api/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, unknownPath.StatusCode);
        Assert.Equal("E0000008", await unknownPath.ErrorCodeAsync());
        using var unknownAdmin = await console.PostAsync("/__simulator/console/api/v1/groups?admin=nobody@acme.example", Json("""{"profile":{"name":"X"}}"""));
        Assert.Equal("E0000007", await unknownAdmin.ErrorCodeAsync());
        Assert.Empty(await LogAsync());
    }
}
