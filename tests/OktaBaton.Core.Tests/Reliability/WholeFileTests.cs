using OktaBaton.Core.SyncFile;
using OktaBaton.Tests.Shared;
using Xunit;

namespace OktaBaton.Core.Tests.Reliability;

/// <summary>
/// A query reads one whole, valid file or emits nothing: every way of cutting, editing or mis-encoding a sync file is
/// refused by every query before its first record.
/// </summary>
[Trait("Suite", "Reliability")]
public sealed class WholeFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oktabaton-rel-whole-").FullName;
    private readonly string _valid;

    public WholeFileTests()
    {
        _valid = Path.Combine(_dir, "valid.json");
        SyncFileFixture.Write(_valid);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static IEnumerable<object[]> Damages() => SyncFileDamage.Names();

    /// <summary>Each query, as a function of (path, the other file) that enumerates records one at a time.</summary>
    private static readonly (string Name, Func<string, string, IEnumerable<object>> Run)[] Queries =
    [
        ("Resources", (path, _) => new SyncFileQuery(path).Resources()),
        ("Entitlements", (path, _) => new SyncFileQuery(path).Entitlements()),
        ("Grants", (path, _) => new SyncFileQuery(path).Grants()),
        ("Grants -Expand", (path, _) => new SyncFileQuery(path).Grants(expand: true)),
        ("Compare (damaged reference)", (path, other) => Compare(path, other)),
        ("Compare (damaged difference)", (path, other) => Compare(other, path)),
    ];

    private static IEnumerable<object> Compare(string reference, string difference)
    {
        using var comparison = new SyncFileComparison(reference, difference);
        foreach (var change in comparison.Changes(expand: true, includeResources: true)) yield return change;
    }

    [Fact]
    public void TheUndamagedFileAnswersEveryQuery()
    {
        var other = Path.Combine(_dir, "other.json");
        SyncFileFixture.Write(other, "sync-b", withExtraGrant: true);
        foreach (var (name, run) in Queries)
        {
            Assert.True(run(_valid, other).Any(), name);
        }
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void EveryQueryRefusesTheDamagedFileBeforeItsFirstRecord(string damageName)
    {
        var damage = SyncFileDamage.Named(damageName);
        var damaged = Path.Combine(_dir, "damaged.json");
        File.WriteAllBytes(damaged, damage.Apply(File.ReadAllBytes(_valid)));
        foreach (var (name, run) in Queries)
        {
            var emitted = 0;
            var error = Assert.Throws<SyncFileFormatException>(() =>
            {
                foreach (var _ in run(damaged, _valid)) emitted++;
            });
            Assert.True(emitted == 0, $"{name} emitted {emitted} records before refusing the file ({damageName}): {error.Message}");
            Assert.Equal(damaged, error.FilePath);
            Assert.Equal(damage.IsVersion, error.FileVersion is not null);
            Assert.True(error.LineNumber >= 1 && error.BytePositionInLine >= 1, error.Message);
        }
    }

    [Fact]
    public void AVersionOneFileSaysToSyncAgain()
    {
        var damaged = Path.Combine(_dir, "v1.json");
        File.WriteAllBytes(damaged, SyncFileDamage.Named("version 1").Apply(File.ReadAllBytes(_valid)));
        var error = Assert.Throws<SyncFileFormatException>(() => new SyncFileQuery(damaged).Resources().ToList());
        Assert.Equal(1, error.FileVersion);
        Assert.Contains("version-1 sync file, written by an earlier OktaBaton", error.Message, StringComparison.Ordinal);
        Assert.Contains("Run Invoke-OktaSync again", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("version is 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADuplicateIdIsNamedWithTheLineOfBothCopies()
    {
        var damaged = Path.Combine(_dir, "dup.json");
        File.WriteAllBytes(damaged, SyncFileDamage.Named("a duplicate in the grants").Apply(File.ReadAllBytes(_valid)));
        var lines = File.ReadAllLines(damaged);
        var first = Array.FindIndex(lines, l => l.StartsWith("{\"id\":\"group:00g0:member:user:00u0\"", StringComparison.Ordinal)) + 1;
        var second = Array.FindLastIndex(lines, l => l.StartsWith("{\"id\":\"group:00g0:member:user:00u0\"", StringComparison.Ordinal)) + 1;
        var error = Assert.Throws<SyncFileFormatException>(() => new SyncFileQuery(damaged).Grants().ToList());
        Assert.Equal(second, error.LineNumber);
        Assert.Contains($"grant id 'group:00g0:member:user:00u0' appears twice (first on line {first})", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UTF-16 with a byte order mark", "UTF-16")]
    [InlineData("UTF-16 without a byte order mark", "UTF-16")]
    [InlineData("UTF-32 with a byte order mark", "UTF-32")]
    public void AWronglyEncodedFileNamesItsEncoding(string damage, string encoding)
    {
        var damaged = Path.Combine(_dir, "encoded.json");
        File.WriteAllBytes(damaged, SyncFileDamage.Named(damage).Apply(File.ReadAllBytes(_valid)));
        var error = Assert.Throws<SyncFileFormatException>(() => new SyncFileQuery(damaged).Resources().ToList());
        Assert.Contains($"it is {encoding} text; sync files are UTF-8", error.Message, StringComparison.Ordinal);
    }
}
