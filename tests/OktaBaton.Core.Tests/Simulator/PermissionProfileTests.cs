using System.Net;
using Xunit;

namespace OktaBaton.Core.Tests.Simulator;

public sealed class PermissionProfileTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;
    private string _alice = "";
    private string _adminsGroup = "";
    private string _salesGroup = "";
    private string _slack = "";

    public async Task InitializeAsync()
    {
        _sim = await SimulatorFixture.StartAsync();
        _alice = await _sim.UserIdAsync("alice.anderson@acme.example");
        _adminsGroup = await _sim.GroupIdAsync("Okta Admins");
        _salesGroup = await _sim.GroupIdAsync("Sales");
        _slack = await _sim.AppIdAsync("Slack");
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private async Task<HttpStatusCode> StatusAsync(string token, HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = HttpTestExtensions.JsonBody(body);
        }
        using var response = await _sim.Client(token).SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            Assert.Equal("E0000006", await response.ErrorCodeAsync());
        }
        return response.StatusCode;
    }

    [Fact]
    public async Task Read_only_reads_everything_except_admin_role_assignments()
    {
        const string token = SimulatorFixture.ReadOnlyToken;
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(token, HttpMethod.Get, "/api/v1/users"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(token, HttpMethod.Get, "/api/v1/groups?expand=stats"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(token, HttpMethod.Get, "/api/v1/apps"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(token, HttpMethod.Get, $"/api/v1/groups/{_salesGroup}/users"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(token, HttpMethod.Get, "/api/v1/api-tokens"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(token, HttpMethod.Get, $"/api/v1/users/{_alice}/roles"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(token, HttpMethod.Get, $"/api/v1/groups/{_adminsGroup}/roles"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(token, HttpMethod.Get, "/api/v1/iam/assignees/users"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(token, HttpMethod.Get, $"/api/v1/groups/{_adminsGroup}/users"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(token, HttpMethod.Put, $"/api/v1/groups/{_salesGroup}/users/{_alice}", "{}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(token, HttpMethod.Post, "/api/v1/groups", "{\"profile\":{\"name\":\"x\"}}"));
    }

    [Fact]
    public async Task Custom_read_only_adds_role_reads_but_no_writes()
    {
        const string token = SimulatorFixture.CustomReadOnlyToken;
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(token, HttpMethod.Get, $"/api/v1/users/{_alice}/roles"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(token, HttpMethod.Get, "/api/v1/iam/assignees/users"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(token, HttpMethod.Get, $"/api/v1/groups/{_adminsGroup}/users"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(token, HttpMethod.Put, $"/api/v1/groups/{_salesGroup}/users/{_alice}", "{}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(token, HttpMethod.Post, $"/api/v1/users/{_alice}/roles", "{\"type\":\"REPORT_ADMIN\"}"));
    }

    [Fact]
    public async Task App_and_group_admin_writes_membership_assignments_and_groups_but_not_roles()
    {
        const string token = SimulatorFixture.AppGroupAdminToken;
        Assert.Equal(HttpStatusCode.NoContent, await StatusAsync(token, HttpMethod.Put, $"/api/v1/groups/{_salesGroup}/users/{_alice}", "{}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(token, HttpMethod.Put, $"/api/v1/apps/{_slack}/groups/{_salesGroup}", "{}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(token, HttpMethod.Post, "/api/v1/groups", "{\"profile\":{\"name\":\"Created by group admin\"}}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(token, HttpMethod.Get, $"/api/v1/users/{_alice}/roles"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(token, HttpMethod.Post, $"/api/v1/users/{_alice}/roles", "{\"type\":\"REPORT_ADMIN\"}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(token, HttpMethod.Post, "/api/v1/users?activate=false",
            "{\"profile\":{\"login\":\"new@acme.example\",\"email\":\"new@acme.example\",\"firstName\":\"N\",\"lastName\":\"U\"}}"));
        var state = await _sim.StateAsync();
        var sales = state.GetProperty("groups").EnumerateArray().First(g => g.GetProperty("id").GetString() == _salesGroup);
        Assert.Contains(_alice, sales.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()));
    }
}
