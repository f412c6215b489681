using System.Diagnostics;
using System.Management.Automation;
using OktaBaton.PowerShell.Tests.Infrastructure;
using OktaBaton.PowerShell.Tests.Provisioning;
using OktaBaton.Simulator;

namespace OktaBaton.PowerShell.Tests.Reliability;

/// <summary>
/// Every known failure, driven for real through the cmdlets, surfaces with its own stable ErrorId and a category —
/// never OktaUnexpectedError / NotSpecified, which stay for true bugs.
/// </summary>
[Trait("Suite", "Reliability")]
public sealed class KnownFailureTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oktabaton-rel-known-").FullName;
    private ProvisioningOrg _org = null!;

    public async Task InitializeAsync() => _org = await ProvisioningOrg.StartAsync();

    public async Task DisposeAsync()
    {
        await _org.DisposeAsync();
        if (Directory.Exists(Path.Combine(_dir, "full"))) Process.Start("umount", Path.Combine(_dir, "full"))!.WaitForExit();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Name → (what sets the failure up in the simulator, the script, the ErrorId and category it must end in).</summary>
    public static readonly Dictionary<string, (Action<SimulatorHost>? Arrange, string Script, string ErrorId, ErrorCategory Category)> Failures = new()
    {
        ["a bad API token"] = (null, "Connect-Okta -Domain $domain -ApiToken $badToken", "OktaAuthenticationFailed", ErrorCategory.AuthenticationError),
        ["a domain with a path"] = (null, "Connect-Okta -Domain \"$domain/admin\" -ApiToken $token", "OktaInvalidDomain", ErrorCategory.InvalidArgument),
        ["no connection"] = (null, "Disconnect-Okta; Invoke-OktaSync -Path \"$dir/a.json\"", "OktaNotConnected", ErrorCategory.InvalidOperation),
        ["a closed connection the user holds"] = (null, "$held = Connect-Okta -Domain $domain -ApiToken $token -PassThru; Disconnect-Okta; Invoke-OktaSync -Path \"$dir/a.json\" -Connection $held", "OktaNotConnected", ErrorCategory.InvalidOperation),
        ["a sync into a missing directory"] = (null, "Invoke-OktaSync -Path \"$dir/no/such/sync.json\"", "OktaDirectoryNotFound", ErrorCategory.ObjectNotFound),
        ["a sync onto a directory"] = (null, "Invoke-OktaSync -Path $dir", "OktaSyncFilePathInvalid", ErrorCategory.InvalidArgument),
        ["a query of a missing file"] = (null, "Get-OktaSyncGrant -Path \"$dir/none.json\"", "OktaSyncFileNotFound", ErrorCategory.ObjectNotFound),
        ["a query of a directory"] = (null, "Get-OktaSyncResource -Path $dir", "OktaSyncFilePathInvalid", ErrorCategory.InvalidArgument),
        ["a query of a cut file"] = (null, "Get-OktaSyncGrant -Path $cut", "OktaSyncFileInvalid", ErrorCategory.InvalidData),
        ["a query of a version-1 file"] = (null, "Compare-OktaSync -ReferencePath $versionOne -DifferencePath $cut", "OktaSyncFileVersionUnsupported", ErrorCategory.InvalidData),
        ["an unknown user"] = (null, "Grant-OktaGroupMembership -GroupId $group -UserId nobody@nowhere.example", "OktaUserNotFound", ErrorCategory.ObjectNotFound),
        ["an unknown group"] = (null, "Grant-OktaGroupMembership -GroupId 00gDoesNotExist00000 -UserId jack.jones@acme.example", "OktaGroupNotFound", ErrorCategory.ObjectNotFound),
        ["a read-only token writing"] = (null, "Connect-Okta -Domain $domain -ApiToken $readOnly; Grant-OktaGroupMembership -GroupId $group -UserId jack.jones@acme.example", "OktaPermissionDenied", ErrorCategory.PermissionDenied),
        ["a server error on a write"] = (host => host.EnqueueFaults("/api/v1/groups", FaultKind.InternalServerError, 10, "POST"), "New-OktaGroup -Name Doomed", "OktaServerError", ErrorCategory.ResourceUnavailable),
        ["a dropped connection on a write"] = (host => host.EnqueueFaults("/api/v1/groups", FaultKind.ConnectionReset, 10, "POST"), "New-OktaGroup -Name Doomed", "OktaConnectionFailed", ErrorCategory.ConnectionError),
        ["a write that times out"] = (host => host.EnqueueFaults("/api/v1/groups", FaultKind.Timeout, 10, "POST"), "Connect-Okta -Domain $domain -ApiToken $token -TimeoutSec 1; New-OktaGroup -Name Doomed", "OktaTimeout", ErrorCategory.OperationTimeout),
    };

    public static IEnumerable<object[]> Names() => Failures.Keys.Select(k => new object[] { k });

    private Dictionary<string, object?> Variables()
    {
        var valid = Path.Combine(_dir, "valid.json");
        if (!File.Exists(valid))
        {
            _org.Run("Invoke-OktaSync -Path $path -ResourceType role | Out-Null", new Dictionary<string, object?> { ["path"] = valid }).AssertNoErrors();
            var bytes = File.ReadAllBytes(valid);
            File.WriteAllBytes(Path.Combine(_dir, "cut.json"), bytes[..(bytes.Length / 2)]);
            File.WriteAllText(Path.Combine(_dir, "v1.json"), File.ReadAllText(valid).Replace("\"version\":2", "\"version\":1", StringComparison.Ordinal));
            if (!OperatingSystem.IsWindows()) Process.Start("mkfifo", Path.Combine(_dir, "fifo"))!.WaitForExit();
        }
        return new Dictionary<string, object?>
        {
            ["domain"] = _org.Org.Domain,
            ["token"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken),
            ["readOnly"] = SimulatedOrg.Secure(SimulatedOrg.ReadOnlyToken),
            ["badToken"] = SimulatedOrg.Secure("00notATokenTheOrgKnows-123456"),
            ["dir"] = _dir,
            ["cut"] = Path.Combine(_dir, "cut.json"),
            ["versionOne"] = Path.Combine(_dir, "v1.json"),
            ["fifo"] = Path.Combine(_dir, "fifo"),
            ["group"] = _org.GroupIdAsync("Project Phoenix").GetAwaiter().GetResult(),
        };
    }

    private static void AssertKnown(PowerShellRun run, string errorId, ErrorCategory category)
    {
        var error = run.Errors.Last();
        Assert.Equal(errorId, error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.DoesNotContain(run.Errors, e => e.FullyQualifiedErrorId.StartsWith("OktaUnexpectedError", StringComparison.Ordinal)
            || e.CategoryInfo.Category == ErrorCategory.NotSpecified);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void AKnownFailureHasItsOwnErrorIdAndCategory(string name)
    {
        var (arrange, script, errorId, category) = Failures[name];
        var variables = Variables();
        arrange?.Invoke(_org.Org.Host);

        AssertKnown(_org.Run(script, variables), errorId, category);
    }

    [Fact]
    public async Task AQueryOfAFifoIsRefusedAtOnceInsteadOfWaitingForAWriter()
    {
        if (OperatingSystem.IsWindows()) return;
        var variables = Variables();
        var fifo = (string)variables["fifo"]!;

        var query = Task.Run(() => _org.Run("Get-OktaSyncResource -Path $fifo", variables));
        if (await Task.WhenAny(query, Task.Delay(TimeSpan.FromMinutes(2))) != query)
        {
            // the query blocked opening the FIFO: a writer that opens and closes it releases the reader before failing
            await using (new FileStream(fifo, FileMode.Open, FileAccess.Write)) { }
            await query;
            Assert.Fail("Get-OktaSyncResource waited on the FIFO for a writer instead of refusing it");
        }

        AssertKnown(await query, "OktaSyncFilePathInvalid", ErrorCategory.InvalidArgument);
    }

    [Fact]
    public void AnUnreadableSyncFileIsOktaFileAccessDenied()
    {
        // root reads any file: nothing to deny there (the engine's classification is tested with a real denial)
        if (OperatingSystem.IsWindows() || Environment.UserName == "root") return;
        var variables = Variables();
        var locked = Path.Combine(_dir, "locked.json");
        File.Copy(Path.Combine(_dir, "valid.json"), locked);
        File.SetUnixFileMode(locked, UnixFileMode.None);

        AssertKnown(_org.Run("Get-OktaSyncGrant -Path $locked", new Dictionary<string, object?>(variables) { ["locked"] = locked }), "OktaFileAccessDenied", ErrorCategory.PermissionDenied);
    }

    [Fact]
    public void ASyncOntoAFullDiskIsOktaDiskFullAndKeepsThePreviousFile()
    {
        if (OperatingSystem.IsWindows()) return;
        var full = Path.Combine(_dir, "full");
        Directory.CreateDirectory(full);
        using (var mount = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", full]) { RedirectStandardError = true })!)
        {
            mount.WaitForExit();
            if (mount.ExitCode != 0) return; // only where a small file system can be mounted (root, as in CI)
        }
        var target = Path.Combine(full, "okta-sync.json");
        File.WriteAllText(target, "the previous sync");

        var run = _org.Run("Invoke-OktaSync -Path $target", new Dictionary<string, object?>(Variables()) { ["target"] = target });

        AssertKnown(run, "OktaDiskFull", ErrorCategory.WriteError);
        Assert.Equal("the previous sync", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(full));
    }
}
