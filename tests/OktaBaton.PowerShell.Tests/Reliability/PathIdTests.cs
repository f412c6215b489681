using OktaBaton.PowerShell.Tests.Infrastructure;
using OktaBaton.PowerShell.Tests.Provisioning;
using static OktaBaton.PowerShell.Tests.Provisioning.ProvisioningOrg;

namespace OktaBaton.PowerShell.Tests.Reliability;

/// <summary>
/// Every id that goes into a URL path is checked: "." and ".." (and "/", "\", ";" that Okta reads as separators)
/// never reach another endpoint; "me" never means the connected admin by accident. Logins stay valid user ids.
/// </summary>
[Trait("Suite", "Reliability")]
public sealed class PathIdTests
{
    public static IEnumerable<object[]> Commands() =>
        new[]
        {
            "Grant-OktaGroupMembership -GroupId '..' -UserId jack.jones@acme.example",
            "Grant-OktaGroupMembership -GroupId $phoenix -UserId '..'",
            "Revoke-OktaGroupMembership -GroupId '.' -UserId jack.jones@acme.example",
            "Grant-OktaAppAssignment -AppId '..' -UserId jack.jones@acme.example",
            "Grant-OktaRole -RoleType HELP_DESK_ADMIN -UserId '..'",
            "Grant-OktaEntitlement -EntitlementId 'resourceset-binding:..:..:member' -PrincipalType user -PrincipalId jack.jones@acme.example",
            "Grant-OktaEntitlement -EntitlementId 'group:..:member' -PrincipalType user -PrincipalId jack.jones@acme.example",
            "Revoke-OktaEntitlement -GrantId 'app:..:access:user:jack.jones@acme.example'",
            "Disable-OktaUser -UserId '..'",
            "Set-OktaGroup -GroupId '..' -Description x",
            "Remove-OktaGroup -GroupId '..' -Force",
            "Grant-OktaGroupMembership -GroupId $phoenix -UserId 'jack.jones@acme.example/../..'",
            "Grant-OktaGroupMembership -GroupId 'a;b' -UserId jack.jones@acme.example",
        }.Select(c => new object[] { c });

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task AnIdThatIsAPathSegmentNeverReachesAnotherEndpoint(string command)
    {
        await using var org = await StartAsync();
        var before = await org.StateTextAsync();
        org.Org.Host.ResetStats();

        var run = org.Run(command, new Dictionary<string, object?> { ["phoenix"] = await org.GroupIdAsync("Project Phoenix") });

        var error = run.SingleError();
        Assert.True(ErrorId(error) is "OktaInvalidId" or "OktaInvalidEntitlement" or "OktaInvalidArgument", ErrorId(error) + ": " + error);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(0, org.Writes());
        Assert.DoesNotContain(org.Org.Host.GetStats().ByRoute.Keys, route => route.Contains("bindings", StringComparison.Ordinal) || route.EndsWith("/api/v1/", StringComparison.Ordinal));
        Assert.Equal(before, await org.StateTextAsync());
    }

    [Theory]
    [InlineData("Disable-OktaUser -UserId me")]
    [InlineData("Disable-OktaUser -UserId ME -Force")]
    [InlineData("Remove-OktaUser -UserId me -Force")]
    [InlineData("Grant-OktaGroupMembership -GroupId $phoenix -UserId me")]
    [InlineData("Revoke-OktaRole -RoleType SUPER_ADMIN -UserId me -Force")]
    [InlineData("Revoke-OktaEntitlement -EntitlementId 'role:SUPER_ADMIN:assigned' -PrincipalType user -PrincipalId me -Force")]
    public async Task MeIsNeverTheConnectedAdminByAccident(string command)
    {
        await using var org = await StartAsync();
        var before = await org.StateTextAsync();

        var run = org.Run(command, new Dictionary<string, object?> { ["phoenix"] = await org.GroupIdAsync("Project Phoenix") });

        var error = run.SingleError();
        Assert.Equal("OktaSelfNotExplicit", ErrorId(error));
        Assert.Contains("-Self", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, org.Writes());
        Assert.Equal(before, await org.StateTextAsync());
    }

    [Fact]
    public async Task SelfSaysItExplicitlyAndActsOnTheTokensOwner()
    {
        await using var org = await StartAsync();
        var owner = await org.UserIdAsync("okta.admin@acme.example");

        var run = org.Run("Enable-OktaUser -Self");

        run.AssertNoErrors();
        Assert.Equal(owner, Prop(Assert.Single(run.Output), "UserId"));
        Assert.Equal(0, org.Writes()); // already active: nothing to do
    }

    [Fact]
    public async Task LoginsWithPathLikeCharactersStillNameUsers()
    {
        await using var org = await StartAsync();
        var phoenix = await org.GroupIdAsync("Project Phoenix");

        var run = org.Run("Grant-OktaGroupMembership -GroupId $phoenix -UserId 'jack.jones@acme.example'; Grant-OktaGroupMembership -GroupId $phoenix -UserId 'no.such+tag@acme.example'",
            new Dictionary<string, object?> { ["phoenix"] = phoenix });

        Assert.Equal("Granted", Outcome(Assert.Single(run.Output)));
        Assert.Equal("OktaUserNotFound", ErrorId(run.SingleError()));
    }
}
