using System.Diagnostics;
using OktaBaton.PowerShell.Tests.Infrastructure;

namespace OktaBaton.PowerShell.Tests.Reliability;

/// <summary>
/// A sync replaces only a regular file: a FIFO, a device, a directory or a symbolic link at -Path is refused before
/// any request, and stays what it was.
/// </summary>
[Trait("Suite", "Reliability")]
public sealed class SyncTargetTests(SimulatedOrg org) : IClassFixture<SimulatedOrg>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oktabaton-rel-target-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Kind(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%F", path]) { RedirectStandardOutput = true })!;
        var kind = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return kind;
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments))!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("symlink")]
    [InlineData("dangling symlink")]
    [InlineData("directory")]
    [InlineData("device")]
    public void ASyncRefusesATargetThatIsNotARegularFileBeforeAnyRequest(string what)
    {
        if (OperatingSystem.IsWindows()) return;
        var previous = Path.Combine(_dir, "previous.json");
        File.WriteAllText(previous, "the previous sync");
        var target = Path.Combine(_dir, "target.json");
        switch (what)
        {
            case "fifo": Run("mkfifo", target); break;
            case "symlink": File.CreateSymbolicLink(target, previous); break;
            case "dangling symlink": File.CreateSymbolicLink(target, Path.Combine(_dir, "nowhere.json")); break;
            case "directory": Directory.CreateDirectory(target); break;
            case "device":
                // as root a node of our own (the old code would have replaced the system's /dev/null); otherwise /dev/null
                if (Environment.UserName == "root") Run("mknod", target, "c", "1", "3");
                else target = "/dev/null";
                break;
        }
        var kindBefore = Kind(target);
        var entriesBefore = Directory.GetFileSystemEntries(_dir).Order().ToList();
        org.Host.ResetStats();

        using var session = new ModuleSession();
        var run = session.Run("Connect-Okta -Domain $domain -ApiToken $token; Invoke-OktaSync -Path $target",
            new Dictionary<string, object?> { ["domain"] = org.Domain, ["token"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken), ["target"] = target });

        var error = run.SingleError();
        Assert.Equal("OktaSyncFilePathInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(target, error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(kindBefore, Kind(target));
        Assert.Equal(entriesBefore, Directory.GetFileSystemEntries(_dir).Order().ToList());
        Assert.Equal("the previous sync", File.ReadAllText(previous));
        Assert.Equal(1, org.Host.GetStats().TotalRequests); // Connect-Okta's probe, and nothing of the sync
    }
}
