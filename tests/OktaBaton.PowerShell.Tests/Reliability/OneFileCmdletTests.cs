using OktaBaton.PowerShell.Tests.Infrastructure;
using OktaBaton.PowerShell.Tests.Sync;

namespace OktaBaton.PowerShell.Tests.Reliability;

/// <summary>One query, one file: a scheduled sync renaming a new file into place mid-query never mixes two syncs.</summary>
[Trait("Suite", "Reliability")]
public sealed class OneFileCmdletTests(SyncFileFixture file) : IClassFixture<SyncFileFixture>
{
    /// <summary>The fixture's file without the grant lines at <paramref name="skip"/> (middle lines: the file stays valid).</summary>
    private string Without(string name, params int[] skip)
    {
        var lines = File.ReadAllLines(file.SyncPath);
        var grants = Array.IndexOf(lines, "\"grants\":[");
        var path = Path.Combine(file.Directory, name);
        File.WriteAllLines(path, lines.Where((_, i) => !skip.Select(s => grants + s).Contains(i)));
        return path;
    }

    private string GrantId(int offset)
    {
        var lines = File.ReadAllLines(file.SyncPath);
        var line = lines[Array.IndexOf(lines, "\"grants\":[") + offset];
        return line.Split('"')[3];
    }

    [Fact]
    public void CompareOktaSyncReadsTheFilesItOpenedWhenANewSyncIsRenamedOverOne()
    {
        var reference = Without("reference.json", 10);
        var difference = Without("difference.json", 20);
        var replacement = Path.Combine(file.Directory, "replacement.json");
        var text = File.ReadAllText(Without("replacement-source.json", Enumerable.Range(2, 60).ToArray()));
        var syncId = text.Split("\"syncId\":\"")[1].Split('"')[0];
        File.WriteAllText(replacement, text.Replace(syncId, "another-sync", StringComparison.Ordinal));

        using var session = new ModuleSession();
        var run = session.Run(
            "Compare-OktaSync -ReferencePath $reference -DifferencePath $difference | ForEach-Object -Begin { $moved = $false } -Process { " +
            "if (-not $moved) { [System.IO.File]::Move($replacement, $reference, $true); $moved = $true }; $_ }",
            new Dictionary<string, object?> { ["reference"] = reference, ["difference"] = difference, ["replacement"] = replacement });

        run.AssertNoErrors();
        Assert.Equal([$"Added {GrantId(10)}", $"Removed {GrantId(20)}"],
            run.Output.Select(o => $"{o.Properties["Change"].Value} {o.Properties["GrantId"].Value}"));
        Assert.False(File.Exists(replacement));
    }
}
