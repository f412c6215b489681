using System.Net;
using System.Text.Json;
using Xunit;

namespace OktaBaton.Core.Tests.Simulator;

/// <summary>
/// Admin roles as Okta's spec shapes them: a user's list also holds group-inherited assignments, IAM-based standard
/// roles carry role and resource-set, role targets narrow USER_ADMIN/HELP_DESK_ADMIN/GROUP_MEMBERSHIP_ADMIN to groups and
/// APP_ADMIN to apps; and an app a user's groups grant cannot be unassigned from the user.
/// </summary>
public sealed class RoleShapeTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorFixture.StartAsync();
        _client = _sim.Client();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private async Task<JsonElement> UserRoleAsync(string login, string type) =>
        (await GetAsync($"/api/v1/users/{await _sim.UserIdAsync(login)}/roles")).EnumerateArray()
            .Single(r => r.GetProperty("type").GetString() == type && r.GetProperty("assignmentType").GetString() == "USER");

    [Fact]
    public async Task A_users_list_holds_the_roles_of_its_groups_with_assignmentType_GROUP_and_the_group_as_assignee()
    {
        var alice = await _sim.UserIdAsync("alice.anderson@acme.example");
        var admins = await _sim.GroupIdAsync("Okta Admins");
        var roles = await GetAsync($"/api/v1/users/{alice}/roles");

        var inherited = roles.EnumerateArray().Where(r => r.GetProperty("assignmentType").GetString() == "GROUP").ToList();
        var superAdmin = Assert.Single(inherited, r => r.GetProperty("type").GetString() == "SUPER_ADMIN");
        Assert.EndsWith($"/api/v1/groups/{admins}", superAdmin.GetProperty("_links").GetProperty("assignee").GetProperty("href").GetString(), StringComparison.Ordinal);
        var groupList = await GetAsync($"/api/v1/groups/{admins}/roles");
        Assert.Equal(groupList.EnumerateArray().Single().GetProperty("id").GetString(), superAdmin.GetProperty("id").GetString());
        // alice is in Okta Admins, Engineering (a custom-role binding member) and Help Desk (HELP_DESK_ADMIN)
        Assert.Equal(new[] { "CUSTOM", "HELP_DESK_ADMIN", "SUPER_ADMIN" }, inherited.Select(r => r.GetProperty("type").GetString()).Order());
        Assert.DoesNotContain((await _sim.StateAsync()).GetProperty("userRoles").EnumerateArray(),
            r => r.GetProperty("userId").GetString() == alice && r.GetProperty("type").GetString() == "SUPER_ADMIN");
    }

    [Fact]
    public async Task IAM_based_standard_roles_carry_their_type_as_role_and_their_IAM_policy_and_are_not_custom_roles()
    {
        var workflows = await UserRoleAsync("kate.kim@acme.example", "WORKFLOWS_ADMIN");
        Assert.Equal("WORKFLOWS_ADMIN", workflows.GetProperty("role").GetString());
        Assert.Equal("WORKFLOWS_IAM_POLICY", workflows.GetProperty("resource-set").GetString());

        var customRoles = (await GetAsync("/api/v1/iam/roles")).GetProperty("roles").EnumerateArray().ToList();
        Assert.NotEmpty(customRoles);
        Assert.All(customRoles, r => Assert.StartsWith("cr0", r.GetProperty("id").GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain(customRoles, r => r.GetProperty("label").GetString()!.StartsWith("Workflows", StringComparison.Ordinal));

        var noah = await _sim.UserIdAsync("noah.nguyen@acme.example");
        using var assign = await _client.PostAsync($"/api/v1/users/{noah}/roles", HttpTestExtensions.JsonBody("{\"type\":\"ACCESS_REQUESTS_ADMIN\"}"));
        Assert.Equal(HttpStatusCode.Created, assign.StatusCode);
        var created = await assign.JsonAsync();
        // spec example IAMStandardRoleResponseUser
        Assert.Equal(("ACCESS_REQUESTS_ADMIN", "ACCESS_REQUESTS_ADMIN", "ACCESS_CERTIFICATIONS_IAM_POLICY"),
            (created.GetProperty("type").GetString(), created.GetProperty("role").GetString(), created.GetProperty("resource-set").GetString()));
    }

    [Fact]
    public async Task Group_targets_list_the_groups_a_role_is_limited_to_and_an_unscoped_role_lists_none()
    {
        var carol = await _sim.UserIdAsync("carol.chen@acme.example");
        var userAdmin = await UserRoleAsync("carol.chen@acme.example", "USER_ADMIN");
        var targets = await GetAsync($"/api/v1/users/{carol}/roles/{userAdmin.GetProperty("id").GetString()}/targets/groups");
        Assert.Equal(new[] { "Contractors", "Engineering" },
            targets.EnumerateArray().Select(g => g.GetProperty("profile").GetProperty("name").GetString()).Order());

        var alice = await _sim.UserIdAsync("alice.anderson@acme.example");
        var helpDesk = await UserRoleAsync("alice.anderson@acme.example", "HELP_DESK_ADMIN");
        Assert.Equal(0, (await GetAsync($"/api/v1/users/{alice}/roles/{helpDesk.GetProperty("id").GetString()}/targets/groups")).GetArrayLength());

        using var unknown = await _client.GetAsync($"/api/v1/users/{alice}/roles/ra1nope/targets/groups");
        Assert.Equal((HttpStatusCode.NotFound, "E0000007"), (unknown.StatusCode, await unknown.ErrorCodeAsync()));

        var helpDeskGroup = await _sim.GroupIdAsync("Help Desk");
        var groupRole = (await GetAsync($"/api/v1/groups/{helpDeskGroup}/roles")).EnumerateArray().Single();
        var groupTargets = await GetAsync($"/api/v1/groups/{helpDeskGroup}/roles/{groupRole.GetProperty("id").GetString()}/targets/groups");
        Assert.Equal(new[] { "Contractors", "Sales" }, groupTargets.EnumerateArray().Select(g => g.GetProperty("profile").GetProperty("name").GetString()).Order());
    }

    [Fact]
    public async Task Targets_narrow_a_role_only_where_its_type_allows_and_the_last_one_cannot_be_removed()
    {
        var alice = await _sim.UserIdAsync("alice.anderson@acme.example");
        var sales = await _sim.GroupIdAsync("Sales");
        var finance = await _sim.GroupIdAsync("Finance Approvers");
        var helpDesk = (await UserRoleAsync("alice.anderson@acme.example", "HELP_DESK_ADMIN")).GetProperty("id").GetString();
        var appAdmin = (await UserRoleAsync("alice.anderson@acme.example", "APP_ADMIN")).GetProperty("id").GetString();
        var path = $"/api/v1/users/{alice}/roles/{helpDesk}/targets/groups";

        using (var put = await _client.PutAsync($"{path}/{sales}", HttpTestExtensions.JsonBody("")))
        {
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        }
        using (var put = await _client.PutAsync($"{path}/{finance}", HttpTestExtensions.JsonBody("")))
        {
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        }
        Assert.Equal(2, (await GetAsync(path)).GetArrayLength());
        using (var remove = await _client.DeleteAsync($"{path}/{finance}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        }
        using (var last = await _client.DeleteAsync($"{path}/{sales}"))
        {
            Assert.Equal((HttpStatusCode.BadRequest, "E0000001"), (last.StatusCode, await last.ErrorCodeAsync()));
        }
        using (var wrongType = await _client.PutAsync($"/api/v1/users/{alice}/roles/{appAdmin}/targets/groups/{sales}", HttpTestExtensions.JsonBody("")))
        {
            Assert.Equal((HttpStatusCode.BadRequest, "E0000091"), (wrongType.StatusCode, await wrongType.ErrorCodeAsync()));
        }
        var state = await _sim.StateAsync();
        var role = state.GetProperty("userRoles").EnumerateArray().Single(r => r.GetProperty("id").GetString() == helpDesk);
        Assert.Equal(new[] { sales }, role.GetProperty("targetGroupIds").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task App_targets_name_an_app_instance_by_id_and_a_catalog_app_by_name()
    {
        var noah = await _sim.UserIdAsync("noah.nguyen@acme.example");
        var slack = await _sim.AppIdAsync("Slack");
        var appAdmin = (await UserRoleAsync("noah.nguyen@acme.example", "APP_ADMIN")).GetProperty("id").GetString();
        var targets = (await GetAsync($"/api/v1/users/{noah}/roles/{appAdmin}/targets/catalog/apps")).EnumerateArray().ToList();

        Assert.Equal(2, targets.Count);
        var instance = targets.Single(t => t.GetProperty("name").GetString() == "slack");
        Assert.Equal(slack, instance.GetProperty("id").GetString());
        var catalog = targets.Single(t => t.GetProperty("name").GetString() == "zoomus");
        Assert.False(catalog.TryGetProperty("id", out _));

        // a group's APP_ADMIN: the catalog target answers 200 without content, the instance target 204
        var sales = await _sim.GroupIdAsync("Sales");
        using var assign = await _client.PostAsync($"/api/v1/groups/{sales}/roles", HttpTestExtensions.JsonBody("{\"type\":\"APP_ADMIN\"}"));
        var groupRole = (await assign.JsonAsync()).GetProperty("id").GetString();
        using var catalogTarget = await _client.PutAsync($"/api/v1/groups/{sales}/roles/{groupRole}/targets/catalog/apps/salesforce", HttpTestExtensions.JsonBody(""));
        Assert.Equal(HttpStatusCode.OK, catalogTarget.StatusCode);
        Assert.Empty(await catalogTarget.Content.ReadAsByteArrayAsync());
        using var instanceTarget = await _client.PutAsync($"/api/v1/groups/{sales}/roles/{groupRole}/targets/catalog/apps/slack/{slack}", HttpTestExtensions.JsonBody(""));
        Assert.Equal(HttpStatusCode.NoContent, instanceTarget.StatusCode);
    }

    [Fact]
    public async Task An_app_a_users_groups_grant_cannot_be_unassigned_from_the_user_but_its_scope_can_turn_to_GROUP()
    {
        var slack = await _sim.AppIdAsync("Slack");
        var alice = await _sim.UserIdAsync("alice.anderson@acme.example");
        using var refused = await _client.DeleteAsync($"/api/v1/apps/{slack}/users/{alice}");
        Assert.Equal((HttpStatusCode.Forbidden, "E0000046"), (refused.StatusCode, await refused.ErrorCodeAsync()));

        using var toGroup = await _client.PostAsync($"/api/v1/apps/{slack}/users/{alice}", HttpTestExtensions.JsonBody("{\"scope\":\"GROUP\"}"));
        Assert.Equal(HttpStatusCode.OK, toGroup.StatusCode);
        Assert.Equal("GROUP", (await toGroup.JsonAsync()).GetProperty("scope").GetString());
        var state = await _sim.StateAsync();
        var entry = state.GetProperty("apps").EnumerateArray().Single(a => a.GetProperty("id").GetString() == slack)
            .GetProperty("users").EnumerateArray().Single(u => u.GetProperty("userId").GetString() == alice);
        Assert.Equal("GROUP", entry.GetProperty("scope").GetString());

        // maya holds Slack only directly: no group to fall back on
        var maya = await _sim.UserIdAsync("maya.miller@acme.example");
        using var noGroup = await _client.PostAsync($"/api/v1/apps/{slack}/users/{maya}", HttpTestExtensions.JsonBody("{\"scope\":\"GROUP\"}"));
        Assert.Equal((HttpStatusCode.BadRequest, "E0000001"), (noGroup.StatusCode, await noGroup.ErrorCodeAsync()));
        using var unassigned = await _client.DeleteAsync($"/api/v1/apps/{slack}/users/{maya}");
        Assert.Equal(HttpStatusCode.NoContent, unassigned.StatusCode);
    }
}
