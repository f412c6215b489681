using System.Text;
using OktaBaton.PowerShell.Tests.Infrastructure;
using OktaBaton.PowerShell.Tests.Sync;

namespace OktaBaton.PowerShell.Tests.Reliability;

/// <summary>Each error message says what is wrong and what to do — not a misleading half-truth.</summary>
[Trait("Suite", "Reliability")]
public sealed class MessageTests(SyncFileFixture file) : IClassFixture<SyncFileFixture>
{
    private static string Message(PowerShellRun run) => run.SingleError().Exception.Message;

    private PowerShellRun Run(string script, string path)
    {
        using var session = new ModuleSession();
        return session.Run(script, new Dictionary<string, object?> { ["path"] = path });
    }

    [Fact]
    public void AVersionOneFileSaysItIsOlderAndToSyncAgain()
    {
        var path = Path.Combine(file.Directory, "v1.json");
        File.WriteAllText(path, File.ReadAllText(file.SyncPath).Replace("\"version\":2", "\"version\":1", StringComparison.Ordinal));

        var message = Message(Run("Get-OktaSyncGrant -Path $path", path));

        Assert.Contains("it is a version-1 sync file, written by an earlier OktaBaton", message, StringComparison.Ordinal);
        Assert.Contains("Run Invoke-OktaSync again", message, StringComparison.Ordinal);
        Assert.DoesNotContain("version is 1; this module reads version 1", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADirectoryIsCalledADirectoryNotMissing()
    {
        var message = Message(Run("Get-OktaSyncResource -Path $path", file.Directory));

        Assert.Contains("is a directory, not a sync file", message, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADirectoryGivenAsAKeyFileIsCalledADirectory()
    {
        var message = Message(Run("Connect-Okta -Domain 127.0.0.1:9 -ClientId 0oaApp -KeyId kid-1 -PrivateKeyPath $path", file.Directory));

        Assert.Contains("is a directory, not a private key file", message, StringComparison.Ordinal);
        Assert.DoesNotContain("denied", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AFileSavedAsUtf16SaysSoAndWhatToDo()
    {
        var path = Path.Combine(file.Directory, "utf16.json");
        File.WriteAllText(path, File.ReadAllText(file.SyncPath), Encoding.Unicode); // what Windows PowerShell's Out-File writes

        var message = Message(Run("Get-OktaSyncGrant -Path $path", path));

        Assert.Contains("it is UTF-16 text; sync files are UTF-8", message, StringComparison.Ordinal);
        Assert.Contains("run Invoke-OktaSync again", message, StringComparison.Ordinal);
    }
}
