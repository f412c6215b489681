using OktaBaton.PowerShell.Tests.Infrastructure;

namespace OktaBaton.PowerShell.Tests.Reliability;

/// <summary>
/// Connections the user holds: Disconnect-Okta closes the one it is given (or the session's) and only that one; a
/// closed connection fails with a clear OktaNotConnected, never "Cannot access a disposed object".
/// </summary>
[Trait("Suite", "Reliability")]
public sealed class ConnectionTests(SimulatedOrg org) : IClassFixture<SimulatedOrg>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oktabaton-rel-connection-").FullName;
    private readonly ModuleSession _session = new();

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private PowerShellRun Run(string script) => _session.Run(script, new Dictionary<string, object?>
    {
        ["domain"] = org.Domain, ["token"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken), ["dir"] = _dir,
    });

    private static string ErrorId(PowerShellRun run) => run.SingleError().FullyQualifiedErrorId.Split(',')[0];

    [Fact]
    public void AHeldConnectionClosedByDisconnectFailsClearly()
    {
        Run("$held = Connect-Okta -Domain $domain -ApiToken $token -PassThru; Disconnect-Okta").AssertNoErrors();

        var run = Run("Invoke-OktaSync -Path \"$dir/a.json\" -Connection $held -ResourceType role");

        Assert.Equal("OktaNotConnected", ErrorId(run));
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidOperation, run.Errors[0].CategoryInfo.Category);
        Assert.Contains("was closed by Disconnect-Okta. Run Connect-Okta again", run.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void DisconnectOktaConnectionClosesThatOneAndTheOtherKeepsWorking()
    {
        Run("$first = Connect-Okta -Domain $domain -ApiToken $token -PassThru; $second = Connect-Okta -Domain $domain -ApiToken $token -PassThru").AssertNoErrors();

        Run("Disconnect-Okta -Connection $second").AssertNoErrors();

        Run("Invoke-OktaSync -Path \"$dir/first.json\" -Connection $first -ResourceType role | Out-Null").AssertNoErrors();
        Assert.True(File.Exists(Path.Combine(_dir, "first.json")));
        Assert.Equal("OktaNotConnected", ErrorId(Run("Invoke-OktaSync -Path \"$dir/second.json\" -Connection $second")));
        // $second was the session's connection: the session is disconnected with it
        Assert.Empty(Run("Get-OktaConnection").Output);
        Assert.Equal("OktaNotConnected", ErrorId(Run("Invoke-OktaSync -Path \"$dir/session.json\"")));
    }

    [Fact]
    public void DisconnectingTheSessionLeavesAnotherHeldConnectionWorking()
    {
        Run("$first = Connect-Okta -Domain $domain -ApiToken $token -PassThru; Connect-Okta -Domain $domain -ApiToken $token").AssertNoErrors();

        Run("Disconnect-Okta").AssertNoErrors();

        Run("Invoke-OktaSync -Path \"$dir/first.json\" -Connection $first -ResourceType role | Out-Null").AssertNoErrors();
        Assert.Equal("OktaNotConnected", ErrorId(Run("Invoke-OktaSync -Path \"$dir/session.json\"")));
    }

    [Fact]
    public void ConnectOktaRetriesServerErrorsAsEveryOtherCallDoes()
    {
        org.Host.EnqueueFaults("/api/v1/users/me", OktaBaton.Simulator.FaultKind.ServiceUnavailable, 2);
        org.Host.EnqueueFaults("/api/v1/users/me", OktaBaton.Simulator.FaultKind.InternalServerError, 1);

        var run = Run("Connect-Okta -Domain $domain -ApiToken $token -PassThru");

        run.AssertNoErrors();
        Assert.Equal("okta.admin@acme.example", Assert.Single(run.Output).Properties["Principal"].Value);
    }
}
