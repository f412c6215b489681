using OktaBaton.PowerShell.Tests.Infrastructure;

namespace OktaBaton.PowerShell.Tests.Connection;

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ConnectOktaTests(SimulatedOrg org) : IClassFixture<SimulatedOrg>
{
    [Fact]
    public void ConnectsWithAGoodTokenAndShowsWhoWithoutTheSecret()
    {
        using var session = new ModuleSession();
        var run = session.Run(
            "Connect-Okta -Domain $domain -ApiToken $token; Get-OktaConnection",
            new Dictionary<string, object?> { ["domain"] = org.Domain, ["token"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken) });

        run.AssertNoErrors();
        var connection = Assert.Single(run.Output);
        Assert.Equal(org.Domain, connection.Properties["Domain"].Value);
        Assert.Equal("ApiToken", connection.Properties["AuthMethod"].Value);
        Assert.Contains("@", (string)connection.Properties["Principal"].Value);
        Assert.DoesNotContain(SimulatedOrg.SuperAdminToken, run.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ABadTokenIsAnAuthenticationErrorAndLeavesNoConnection()
    {
        using var session = new ModuleSession();
        const string wrong = "00thisTokenDoesNotExist-abcdef123";
        var run = session.Run(
            "Connect-Okta -Domain $domain -ApiToken $token",
            new Dictionary<string, object?> { ["domain"] = org.Domain, ["token"] = SimulatedOrg.Secure(wrong) },
            verbose: true,
            debug: true);

        var error = run.SingleError();
        Assert.Equal("OktaAuthenticationFailed", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(System.Management.Automation.ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("E0000011", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, run.AllText(), StringComparison.Ordinal);
        Assert.Empty(session.Run("Get-OktaConnection").Output);
    }

    [Theory]
    [InlineData("https://example.okta.com/some/path", "path")]
    [InlineData("https://example.okta.com/?q=1", "query")]
    [InlineData("https://user:pw@example.okta.com", "user")]
    [InlineData("http://example.okta.com", "http")]
    public void AnInvalidDomainIsRejectedBeforeAnyCall(string domain, string mentioned)
    {
        using var session = new ModuleSession();
        var run = session.Run(
            "Connect-Okta -Domain $domain -ApiToken $token",
            new Dictionary<string, object?> { ["domain"] = domain, ["token"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken) });

        var error = run.SingleError();
        Assert.Equal("OktaInvalidDomain", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(mentioned, error.Exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AnUnreachableOrgIsAConnectionError()
    {
        using var session = new ModuleSession();
        var run = session.Run(
            "Connect-Okta -Domain '127.0.0.1:1' -ApiToken $token -TimeoutSec 5",
            new Dictionary<string, object?> { ["token"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken) });

        var error = run.SingleError();
        Assert.Equal(System.Management.Automation.ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.DoesNotContain(SimulatedOrg.SuperAdminToken, run.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void FallsBackToTheBatonEnvironmentVariables()
    {
        using var session = new ModuleSession();
        var run = session.Run(
            "$env:BATON_DOMAIN = $domain; $env:BATON_API_TOKEN = $plain; try { Connect-Okta -PassThru } finally { $env:BATON_DOMAIN = $null; $env:BATON_API_TOKEN = $null }",
            new Dictionary<string, object?> { ["domain"] = org.Domain, ["plain"] = SimulatedOrg.ReadOnlyToken });

        run.AssertNoErrors();
        Assert.Equal(org.Domain, Assert.Single(run.Output).Properties["Domain"].Value);
    }

    [Fact]
    public void WithoutDomainOrCredentialsItSaysWhatIsMissing()
    {
        using var session = new ModuleSession();
        var noDomain = session.Run("$env:BATON_DOMAIN = $null; Connect-Okta -ApiToken $token", new Dictionary<string, object?> { ["token"] = SimulatedOrg.Secure("x") });
        Assert.Equal("OktaDomainMissing", noDomain.SingleError().FullyQualifiedErrorId.Split(',')[0]);

        var noToken = session.Run("$env:BATON_API_TOKEN = $null; Connect-Okta -Domain $domain", new Dictionary<string, object?> { ["domain"] = org.Domain });
        Assert.Equal("OktaCredentialMissing", noToken.SingleError().FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void DisconnectForgetsTheConnectionAndRunspacesDoNotShareIt()
    {
        using var first = new ModuleSession();
        using var second = new ModuleSession();
        first.Run("Connect-Okta -Domain $domain -ApiToken $token", new Dictionary<string, object?> { ["domain"] = org.Domain, ["token"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken) }).AssertNoErrors();

        Assert.Single(first.Run("Get-OktaConnection").Output);
        Assert.Empty(second.Run("Get-OktaConnection").Output);

        first.Run("Disconnect-Okta").AssertNoErrors();
        Assert.Empty(first.Run("Get-OktaConnection").Output);
    }

    [Fact]
    public void SecretNeverAppearsInAnyStreamWithVerboseAndDebugOn()
    {
        using var session = new ModuleSession();
        var run = session.Run(
            "Connect-Okta -Domain $domain -ApiToken $token -PassThru -Verbose -Debug; Get-OktaConnection | ForEach-Object { $_.ToString() }",
            new Dictionary<string, object?> { ["domain"] = org.Domain, ["token"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken) },
            verbose: true,
            debug: true);

        Assert.NotEmpty(run.Verbose);
        Assert.DoesNotContain(SimulatedOrg.SuperAdminToken, run.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void APassThruConnectionStaysUsableAfterTheSessionConnectsElsewhere()
    {
        var path = Path.Combine(Path.GetTempPath(), "oktabaton-passthru-" + Guid.NewGuid().ToString("N") + ".json");
        using var session = new ModuleSession();
        var run = session.Run(
            "$first = Connect-Okta -Domain $domain -ApiToken $superAdmin -PassThru; Connect-Okta -Domain $domain -ApiToken $readOnly; " +
            "Invoke-OktaSync -Path $path -Connection $first -ResourceType role | ForEach-Object Roles; (Get-OktaConnection).Principal",
            new Dictionary<string, object?>
            {
                ["domain"] = org.Domain,
                ["superAdmin"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken),
                ["readOnly"] = SimulatedOrg.Secure(SimulatedOrg.ReadOnlyToken),
                ["path"] = path,
            });
        File.Delete(path);

        run.AssertNoErrors();
        Assert.True((long)run.Output[0].BaseObject > 0);
        Assert.Equal(2, run.Output.Count);
    }
}
