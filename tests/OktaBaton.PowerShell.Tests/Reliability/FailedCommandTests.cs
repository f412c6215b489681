using OktaBaton.PowerShell.Tests.Infrastructure;
using OktaBaton.PowerShell.Tests.Provisioning;

namespace OktaBaton.PowerShell.Tests.Reliability;

/// <summary>
/// A command that failed never acts afterwards: when writing to the pipeline stops the command (a preference of
/// Stop, a prompt the host cannot show), its engine work is cancelled and awaited before the error surfaces, and a
/// sync that failed leaves the previous file, byte for byte, with no temporary file beside it.
/// </summary>
[Trait("Suite", "Reliability")]
public sealed class FailedCommandTests(SimulatedOrg org) : IClassFixture<SimulatedOrg>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oktabaton-rel-failed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("Invoke-OktaSync -Path $path -WarningAction Stop", SimulatedOrg.ReadOnlyToken)]
    [InlineData("$WarningPreference = 'Stop'; Invoke-OktaSync -Path $path", SimulatedOrg.ReadOnlyToken)]
    [InlineData("$WarningPreference = 'Inquire'; Invoke-OktaSync -Path $path", SimulatedOrg.ReadOnlyToken)]
    [InlineData("$DebugPreference = 'Stop'; Invoke-OktaSync -Path $path", SimulatedOrg.SuperAdminToken)]
    [InlineData("Invoke-OktaSync -Path $path -Verbose -VerbosePreference Stop", SimulatedOrg.SuperAdminToken)]
    public void ASyncStoppedByItsOwnOutputLeavesThePreviousFileAndNoTemporaryFile(string command, string token)
    {
        var path = Path.Combine(_dir, "okta-sync.json");
        using var session = new ModuleSession();
        var variables = new Dictionary<string, object?>
        {
            ["domain"] = org.Domain, ["path"] = path,
            ["full"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken), ["token"] = SimulatedOrg.Secure(token),
        };
        session.Run("Connect-Okta -Domain $domain -ApiToken $full; Invoke-OktaSync -Path $path | Out-Null", variables).AssertNoErrors();
        var previous = File.ReadAllBytes(path);

        var run = session.Run("Connect-Okta -Domain $domain -ApiToken $token; " + command, variables);

        Assert.NotEmpty(run.Errors);
        Assert.Empty(run.Output);
        // the command has returned: its work has ended, so nothing may change from here on
        Assert.Equal(new[] { path }, Directory.GetFiles(_dir));
        Assert.Equal(previous, File.ReadAllBytes(path));
        Assert.DoesNotContain(run.Errors, e => e.FullyQualifiedErrorId.StartsWith("OktaUnexpectedError", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ForEach-Object { throw 'the report step failed' }")]
    [InlineData("ForEach-Object { $ErrorActionPreference = 'Stop'; $zero = 0; $null = 1 / $zero }")]
    public async Task APipelineThatFailsDownstreamStopsTheProvisioningCommandBeforeTheNextItem(string downstream)
    {
        await using var provisioning = await ProvisioningOrg.StartAsync();
        var phoenix = await provisioning.GroupIdAsync("Project Phoenix");
        var logins = new[] { "jack.jones@acme.example", "maya.miller@acme.example", "alice.anderson@acme.example" };
        var first = await provisioning.UserIdAsync(logins[0]);

        var run = provisioning.Run("$logins | ForEach-Object { [pscustomobject]@{ UserId = $_ } } | Grant-OktaGroupMembership -GroupId $g | " + downstream,
            new Dictionary<string, object?> { ["g"] = phoenix, ["logins"] = logins });

        var error = run.SingleError();
        Assert.DoesNotContain("Okta", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal([first], await provisioning.MemberIdsAsync(phoenix));
        Assert.Equal(1, provisioning.Requests("PUT /api/v1/groups/{id}/users/{userId}"));
    }
}
