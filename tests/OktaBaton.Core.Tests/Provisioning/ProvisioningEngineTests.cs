using Xunit;
using System.Text.Json;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Provisioning;
using OktaBaton.Core.Tests.Okta;
using OktaBaton.Simulator;

namespace OktaBaton.Core.Tests.Provisioning;

public sealed class ProvisioningEngineTests
{
    private static Task<SimulatorHost> StartOrgAsync() => DemoOrgHost.StartAsync();

    private static OktaClient Client(SimulatorHost host) => DemoOrgHost.Client(host);

    private static Task<JsonElement> StateAsync(SimulatorHost host) => DemoOrgHost.StateAsync(host);

    private static string IdOf(JsonElement state, string collection, Func<JsonElement, bool> match) =>
        state.GetProperty(collection).EnumerateArray().First(match).GetProperty("id").GetString()!;

    private static long Route(SimulatorHost host, string route) => DemoOrgHost.Route(host, route);

    [Fact]
    public async Task AnAppAssignmentWhoseAnswerWasLostIsNotPostedAgain()
    {
        await using var host = await StartOrgAsync();
        var state = await StateAsync(host);
        var zoom = IdOf(state, "apps", a => a.GetProperty("label").GetString() == "Zoom");
        var noah = IdOf(state, "users", u => u.GetProperty("profile").GetProperty("login").GetString() == "noah.nguyen@acme.example");
        host.EnqueueFaults($"/api/v1/apps/{zoom}/users", FaultKind.AnswerLost, 1, "POST");
        using var client = Client(host);

        var result = await new EntitlementProvisioning(client).GrantAsync(
            EntitlementReference.AppAccess(zoom), PrincipalReference.User("noah.nguyen@acme.example"), null, CancellationToken.None);

        Assert.Equal(1, host.GetStats().FaultsServed);
        Assert.Equal(ProvisioningOutcome.Granted, result!.OutcomeKind);
        Assert.Equal(1, Route(host, "POST /api/v1/apps/{id}/users"));
        var users = (await StateAsync(host)).GetProperty("apps").EnumerateArray().First(a => a.GetProperty("id").GetString() == zoom).GetProperty("users");
        Assert.Single(users.EnumerateArray(), u => u.GetProperty("userId").GetString() == noah);
    }

    [Fact]
    public async Task AnAccountWhoseAnswerWasLostIsReportedCreatedOnce()
    {
        await using var host = await StartOrgAsync();
        host.EnqueueFaults("/api/v1/users", FaultKind.AnswerLost, 1, "POST");
        using var client = Client(host);
        var request = new NewUserRequest { FirstName = "Vic", LastName = "Vega", Email = "vic.vega@acme.example", GeneratePassword = true };

        var result = await new AccountProvisioner(client).CreateAsync(request, null, CancellationToken.None);

        Assert.Equal(1, host.GetStats().FaultsServed);
        Assert.Equal(ProvisioningOutcome.Created, result!.OutcomeKind);
        Assert.Equal(1, Route(host, "POST /api/v1/users"));
        Assert.Single((await StateAsync(host)).GetProperty("users").EnumerateArray(), u => u.GetProperty("profile").GetProperty("login").GetString() == "vic.vega@acme.example");
    }

    [Fact]
    public async Task ARolePostThatFailedBeforeApplyingIsSentAgainAndAppliedOnce()
    {
        await using var host = await StartOrgAsync();
        var state = await StateAsync(host);
        var liam = IdOf(state, "users", u => u.GetProperty("profile").GetProperty("login").GetString() == "liam.lopez@acme.example");
        host.EnqueueFaults($"/api/v1/users/{liam}/roles", FaultKind.ServiceUnavailable, 1);
        using var client = Client(host);

        var result = await new EntitlementProvisioning(client).GrantAsync(EntitlementReference.Role("ORG_ADMIN"), PrincipalReference.User(liam), null, CancellationToken.None);

        Assert.Equal(ProvisioningOutcome.Granted, result!.OutcomeKind);
        Assert.False(string.IsNullOrEmpty(result.AssignmentId));
        var roles = (await StateAsync(host)).GetProperty("userRoles").EnumerateArray()
            .Where(r => r.GetProperty("userId").GetString() == liam && r.GetProperty("type").GetString() == "ORG_ADMIN");
        Assert.Single(roles);
    }

    [Fact]
    public async Task ConfirmationNamesTheGroupReadablyAndADeclineSendsNoWrite()
    {
        await using var host = await StartOrgAsync();
        var state = await StateAsync(host);
        var engineering = IdOf(state, "groups", g => g.GetProperty("profile").GetProperty("name").GetString() == "Engineering");
        var asked = new List<(string Target, string Action)>();
        using var client = Client(host);

        var result = await new EntitlementProvisioning(client).GrantAsync(
            EntitlementReference.GroupMember(engineering), PrincipalReference.User("jack.jones@acme.example"),
            (target, action) => { asked.Add((target, action)); return Task.FromResult(false); },
            CancellationToken.None);

        Assert.Null(result);
        var (target, action) = Assert.Single(asked);
        Assert.Equal($"group 'Engineering' ({engineering})", target);
        Assert.Contains("user 'jack.jones@acme.example' (00u", action, StringComparison.Ordinal);
        Assert.DoesNotContain(host.GetStats().ByRoute.Keys, k => !k.StartsWith("GET ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("group:00g1:member", "group", "00g1", "member")]
    [InlineData("APP:0oa1:ACCESS", "app", "0oa1", "access")]
    [InlineData("role:SUPER_ADMIN:assigned", "role", "SUPER_ADMIN", "assigned")]
    [InlineData("resourceset-binding:iam1:cr01:member", "resourceset-binding", "iam1:cr01", "member")]
    public void ParsesProvisionableEntitlementIds(string text, string type, string resourceId, string slug)
    {
        var parsed = EntitlementReference.Parse(text);

        Assert.Equal((type, resourceId, slug), (parsed.ResourceType, parsed.ResourceId, parsed.Slug));
    }

    [Theory]
    [InlineData("")]
    [InlineData("group:00g1")]
    [InlineData("group:00g1:access")]
    [InlineData("user:00u1:member")]
    [InlineData("resourceset-binding:iam1:member")]
    [InlineData("group::member")]
    public void RejectsOtherIdsWithAStableErrorId(string text)
    {
        var error = Assert.Throws<OktaOperationException>(() => EntitlementReference.Parse(text));

        Assert.Equal("OktaInvalidEntitlementId", error.ErrorId);
        Assert.Equal(OktaFailureKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void SplitsAGrantIdFromTheRight()
    {
        var (entitlement, principal) = EntitlementReference.ParseGrantId("resourceset-binding:iam1:cr01:member:group:00g9");

        Assert.Equal("resourceset-binding:iam1:cr01:member", entitlement.Id);
        Assert.Equal((PrincipalType.Group, "00g9"), (principal.Type, principal.Id));
        Assert.Equal("cr01", entitlement.BindingRoleId);
    }

    [Fact]
    public void GeneratedPasswordsAreLongMixedAndDifferent()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => RandomPassword.Generate()).ToList();

        Assert.All(passwords, p =>
        {
            Assert.True(p.Length >= 24);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, char.IsDigit);
            Assert.Contains(p, c => !char.IsLetterOrDigit(c));
        });
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomPassword.Generate(8));
    }
}
