using OktaBaton.Core.SyncFile;
using Xunit;

namespace OktaBaton.Core.Tests.Reliability;

/// <summary>
/// One query, one file: a sync that renames a new file into place while a query or a comparison runs never mixes
/// two syncs into one answer — every pass reads the file that was opened.
/// </summary>
[Trait("Suite", "Reliability")]
public sealed class OneFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oktabaton-rel-onefile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Fixture(string name, string syncId, int memberShift, string suffix = "")
    {
        var path = Path.Combine(_dir, name);
        SyncFileFixture.Write(path, syncId, suffix, memberShift: memberShift);
        return path;
    }

    private static string Text(SyncGrantRecord grant) => $"{grant.GrantId} {grant.ResourceName} {grant.PrincipalName} {grant.Via}";

    private static List<string> Changes(SyncFileComparison comparison, Action? afterFirst = null)
    {
        var seen = new List<string>();
        foreach (var change in comparison.Changes(expand: true, includeResources: true))
        {
            seen.Add($"{change.Change} {change.GrantId ?? change.ResourceId} {change.PrincipalName ?? change.ResourceName} {change.Via}");
            if (seen.Count == 1) afterFirst?.Invoke();
        }
        return seen;
    }

    [Fact]
    public void ACompareReadsTheFilesItOpenedWhenANewSyncReplacesOneMidway()
    {
        var reference = Fixture("reference.json", "sync-a", memberShift: 0);
        var difference = Fixture("difference.json", "sync-d", memberShift: 1);
        var replacement = Fixture("replacement.json", "sync-b", memberShift: 7, suffix: " (renamed)");
        List<string> expected;
        using (var undisturbed = new SyncFileComparison(reference, difference))
        {
            expected = Changes(undisturbed);
        }
        Assert.Contains(expected, c => c.StartsWith("Added", StringComparison.Ordinal));
        Assert.Contains(expected, c => c.StartsWith("Removed", StringComparison.Ordinal));

        using var comparison = new SyncFileComparison(reference, difference);
        var actual = Changes(comparison, afterFirst: () => File.Move(replacement, reference, overwrite: true));

        Assert.Equal(expected, actual);
        Assert.DoesNotContain(actual, c => c.Contains("(renamed)", StringComparison.Ordinal));
    }

    [Fact]
    public void AnExpandedGrantQueryReadsTheFileItOpenedWhenANewSyncReplacesItMidway()
    {
        var path = Fixture("sync.json", "sync-a", memberShift: 0);
        var replacement = Fixture("replacement.json", "sync-b", memberShift: 7, suffix: " (renamed)");
        var expected = new SyncFileQuery(path).Grants(expand: true).Select(Text).ToList();

        using var file = SyncFileHandle.Open(path);
        File.Move(replacement, path, overwrite: true);
        var actual = new SyncFileQuery(file).Grants(expand: true).Select(Text).ToList();

        Assert.Equal(expected, actual);
        Assert.Equal("sync-a", file.Header.SyncId);
        Assert.Equal("sync-b", SyncFileHandle.Open(path).Header.SyncId);
    }

    [Fact]
    public void AFileRewrittenInPlaceBetweenPassesIsRefusedNotMixed()
    {
        if (OperatingSystem.IsWindows()) return; // Windows does not let another writer into a file a reader holds
        var path = Fixture("sync.json", "sync-a", memberShift: 0);
        var other = Fixture("other.json", "sync-b", memberShift: 7, suffix: " (rewritten)");
        using var file = SyncFileHandle.Open(path);
        using (var first = file.Read()) Assert.NotEmpty(first.ReadResources());

        File.WriteAllBytes(path, File.ReadAllBytes(other)); // the same inode, truncated and written anew

        var error = Assert.Throws<SyncFileFormatException>(() => new SyncFileQuery(file).Resources().ToList());
        Assert.Contains("the file changed while it was read", error.Message, StringComparison.Ordinal);
    }
}
