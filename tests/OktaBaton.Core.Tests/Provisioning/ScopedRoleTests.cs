using System.Text.Json;
using OktaBaton.Core.Provisioning;
using OktaBaton.Core.Tests.Sync;
using OktaBaton.Simulator;
using Xunit;

namespace OktaBaton.Core.Tests.Provisioning;

/// <summary>
/// Admin roles limited by role targets: granted limited, extended, never narrowed by a grant, narrowed or unassigned by a
/// revoke, never left org-wide when a target cannot be set — each checked against the simulator's state.
/// </summary>
public sealed class ScopedRoleTests : IAsyncLifetime
{
    private SyncTestOrg _org = null!;
    private EntitlementProvisioning _provisioning = null!;
    private JsonDocument _state = null!;

    public async Task InitializeAsync()
    {
        _org = await SyncTestOrg.StartAsync();
        _provisioning = new EntitlementProvisioning(_org.Client());
        _state = await _org.StateAsync();
    }

    public async Task DisposeAsync()
    {
        _state.Dispose();
        await _org.DisposeAsync();
    }

    private string Group(string name) => _state.RootElement.GetProperty("groups").EnumerateArray()
        .Single(g => g.GetProperty("profile").GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

    private string App(string label) => _state.RootElement.GetProperty("apps").EnumerateArray()
        .Single(a => a.GetProperty("label").GetString() == label).GetProperty("id").GetString()!;

    private string User(string login) => _state.RootElement.GetProperty("users").EnumerateArray()
        .Single(u => u.GetProperty("profile").GetProperty("login").GetString() == login).GetProperty("id").GetString()!;

    /// <summary>The user's own ACTIVE assignment of <paramref name="type"/> in the state, or null.</summary>
    private async Task<JsonElement?> RoleAsync(string login, string type, string collection = "userRoles", string key = "userId", string? principalId = null)
    {
        using var state = await _org.StateAsync();
        var id = principalId ?? User(login);
        foreach (var role in state.RootElement.GetProperty(collection).EnumerateArray())
        {
            if (role.GetProperty(key).GetString() == id && role.GetProperty("type").GetString() == type) return role.Clone();
        }
        return null;
    }

    private static string[] Targets(JsonElement? role) => role!.Value.GetProperty("targetGroupIds").EnumerateArray().Select(g => g.GetString()!).Order().ToArray();

    private Task<AccessChange?> Grant(string role, string login, RoleTargetRequest targets) =>
        _provisioning.GrantRoleAsync(role, PrincipalReference.User(login), targets, null, CancellationToken.None);

    private Task<AccessChange?> Revoke(string role, string login, RoleTargetRequest targets) =>
        _provisioning.RevokeRoleAsync(role, PrincipalReference.User(login), targets, null, CancellationToken.None);

    [Fact]
    public async Task ARoleIsGrantedLimitedThenExtendedButNeverNarrowedByAGrant()
    {
        var sales = Group("Sales");
        var finance = Group("Finance Approvers");

        var granted = await Grant("USER_ADMIN", "liam.lopez@acme.example", new RoleTargetRequest(new[] { sales }));
        Assert.Equal((ProvisioningOutcome.Granted, $"group 'Sales' ({sales})"), (granted!.OutcomeKind, granted.Scope));
        Assert.Equal(new[] { sales }, Targets(await RoleAsync("liam.lopez@acme.example", "USER_ADMIN")));

        var extended = await Grant("USER_ADMIN", "liam.lopez@acme.example", new RoleTargetRequest(new[] { sales, finance }));
        Assert.Equal(ProvisioningOutcome.Granted, extended!.OutcomeKind);
        Assert.Equal(new[] { sales, finance }.Order(), Targets(await RoleAsync("liam.lopez@acme.example", "USER_ADMIN")));

        var again = await Grant("USER_ADMIN", "liam.lopez@acme.example", new RoleTargetRequest(new[] { finance }));
        Assert.Equal(ProvisioningOutcome.AlreadyGranted, again!.OutcomeKind);

        // alice holds HELP_DESK_ADMIN org-wide: that covers Sales already, and a grant does not narrow it
        var covered = await Grant("HELP_DESK_ADMIN", "alice.anderson@acme.example", new RoleTargetRequest(new[] { sales }));
        Assert.Equal((ProvisioningOutcome.AlreadyGranted, "org-wide"), (covered!.OutcomeKind, covered.Scope));
        Assert.Empty(Targets(await RoleAsync("alice.anderson@acme.example", "HELP_DESK_ADMIN")));

        // asked org-wide while it is limited: said so, nothing widened behind the user's back
        var limited = await _provisioning.GrantRoleAsync("USER_ADMIN", PrincipalReference.User("carol.chen@acme.example"), null, null, CancellationToken.None);
        Assert.Equal(ProvisioningOutcome.AlreadyGranted, limited!.OutcomeKind);
        Assert.Contains("not org-wide", Assert.Single(limited.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppAdminIsLimitedToAppInstancesAndCatalogApps()
    {
        var slack = App("Slack");

        var granted = await Grant("APP_ADMIN", "liam.lopez@acme.example", new RoleTargetRequest(appNames: new[] { "zoomus" }, appIds: new[] { slack }));

        Assert.Equal(ProvisioningOutcome.Granted, granted!.OutcomeKind);
        Assert.Equal("apps every 'zoomus' app, 'Slack' (" + slack + ")", granted.Scope);
        var apps = (await RoleAsync("liam.lopez@acme.example", "APP_ADMIN"))!.Value.GetProperty("targetApps").EnumerateArray()
            .Select(a => (a.GetProperty("name").GetString()!, a.GetProperty("appId").GetString())).ToList();
        Assert.Equal(new[] { ("zoomus", (string?)null), ("slack", slack) }, apps);
    }

    [Fact]
    public async Task TargetsARoleTypeDoesNotTakeAreRefusedBeforeAnyWrite()
    {
        _org.Host.ResetStats();

        var groups = await Assert.ThrowsAsync<OktaOperationException>(() => Grant("SUPER_ADMIN", "liam.lopez@acme.example", new RoleTargetRequest(new[] { Group("Sales") })));
        var apps = await Assert.ThrowsAsync<OktaOperationException>(() => Grant("USER_ADMIN", "liam.lopez@acme.example", new RoleTargetRequest(appNames: new[] { "slack" })));

        Assert.Equal(("OktaInvalidRoleTarget", "OktaInvalidRoleTarget"), (groups.ErrorId, apps.ErrorId));
        Assert.DoesNotContain(_org.Host.GetStats().ByRoute.Keys, route => !route.StartsWith("GET ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARoleWhoseTargetCannotBeSetIsNotLeftOrgWide()
    {
        var liam = User("liam.lopez@acme.example");
        _org.Host.EnqueueFaults($"/api/v1/users/{liam}/roles/", FaultKind.InternalServerError, 20, "PUT");

        await Assert.ThrowsAnyAsync<Exception>(() => Grant("USER_ADMIN", "liam.lopez@acme.example", new RoleTargetRequest(new[] { Group("Sales") })));

        Assert.Null(await RoleAsync("liam.lopez@acme.example", "USER_ADMIN"));
    }

    [Fact]
    public async Task ARevokeOfTargetsNarrowsTheRoleAndOfItsLastTargetsUnassignsIt()
    {
        var engineering = Group("Engineering");
        var contractors = Group("Contractors");

        var narrowed = await Revoke("USER_ADMIN", "carol.chen@acme.example", new RoleTargetRequest(new[] { contractors }));
        Assert.Equal((ProvisioningOutcome.Revoked, $"group 'Engineering' ({engineering})"), (narrowed!.OutcomeKind, narrowed.Scope));
        Assert.Equal(new[] { engineering }, Targets(await RoleAsync("carol.chen@acme.example", "USER_ADMIN")));

        var notThere = await Revoke("USER_ADMIN", "carol.chen@acme.example", new RoleTargetRequest(new[] { contractors }));
        Assert.Equal(ProvisioningOutcome.AlreadyRevoked, notThere!.OutcomeKind);

        var last = await Revoke("USER_ADMIN", "carol.chen@acme.example", new RoleTargetRequest(new[] { engineering }));
        Assert.Equal((ProvisioningOutcome.Revoked, "none"), (last!.OutcomeKind, last.Scope));
        Assert.Null(await RoleAsync("carol.chen@acme.example", "USER_ADMIN"));

        var orgWide = await Assert.ThrowsAsync<OktaOperationException>(() => Revoke("HELP_DESK_ADMIN", "alice.anderson@acme.example", new RoleTargetRequest(new[] { Group("Sales") })));
        Assert.Equal(("OktaInvalidRoleTarget", OktaFailureKind.InvalidOperation), (orgWide.ErrorId, orgWide.Kind));
        Assert.NotNull(await RoleAsync("alice.anderson@acme.example", "HELP_DESK_ADMIN"));
    }

    [Fact]
    public async Task AGroupsRoleTakesTargetsToo()
    {
        var helpDesk = Group("Help Desk");
        var finance = Group("Finance Approvers");

        var extended = await _provisioning.GrantRoleAsync("HELP_DESK_ADMIN", PrincipalReference.Group(helpDesk), new RoleTargetRequest(new[] { finance }), null, CancellationToken.None);

        Assert.Equal(ProvisioningOutcome.Granted, extended!.OutcomeKind);
        Assert.Contains(finance, Targets(await RoleAsync("", "HELP_DESK_ADMIN", "groupRoles", "groupId", helpDesk)));
    }
}
