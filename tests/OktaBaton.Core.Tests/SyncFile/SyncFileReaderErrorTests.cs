using OktaBaton.Core.Model;
using OktaBaton.Core.SyncFile;
using Xunit;

namespace OktaBaton.Core.Tests.SyncFile;

public sealed class SyncFileReaderErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oktabaton-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, text);
        return path;
    }

    private static SyncFileFormatException ReadAll(string path)
    {
        return Assert.Throws<SyncFileFormatException>(() =>
        {
            using var reader = SyncFileReader.Open(path);
            _ = reader.ReadResources().Count() + reader.ReadEntitlements().Count() + reader.ReadGrants().Count();
            reader.ReadTrailer();
        });
    }

    private string ValidFile()
    {
        var path = Path.Combine(_dir, "valid.json");
        using var writer = SyncFileWriter.Create(path, new SyncFileHeader("s", DateTimeOffset.UnixEpoch, "d", new PropertyBag(), ResourceTypes.All));
        for (var i = 0; i < 3000; i++) writer.WriteResource(new Resource(new ResourceId("user", "00u" + i), "User " + i));
        writer.WriteGrant(new Grant("group:00g1:member", new ResourceId("user", "00u1")));
        writer.Complete(new SyncFileTrailer(DateTimeOffset.UnixEpoch, Array.Empty<SyncWarning>(), new SyncStats(0, 0, 0, new Dictionary<string, long>(), 0, 1)));
        return path;
    }

    [Fact]
    public void SyntaxErrorNamesLineAndBytePosition()
    {
        var lines = File.ReadAllLines(ValidFile()).ToList();
        var index = lines.FindIndex(l => l.Contains("\"00u2500\"", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("\"displayName\":", "\"displayName\" ", StringComparison.Ordinal);
        var column = lines[index].IndexOf("\"displayName\" ", StringComparison.Ordinal) + "\"displayName\" ".Length + 1;
        var ex = ReadAll(Write(string.Join("\n", lines)));
        Assert.Equal(index + 1, ex.LineNumber);
        Assert.Equal(column, ex.BytePositionInLine);
        Assert.Contains($"line {index + 1}, byte position {column}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedFileIsAnErrorAtItsEnd()
    {
        var text = File.ReadAllText(ValidFile());
        var cut = text.Substring(0, text.IndexOf("\"00u2000\"", StringComparison.Ordinal) + 4);
        var ex = ReadAll(Write(cut));
        Assert.Equal(cut.Count(c => c == '\n') + 1, ex.LineNumber);
    }

    [Fact]
    public void FileCutAfterAWholeSectionIsStillAnError()
    {
        var text = File.ReadAllText(ValidFile());
        var cut = text.Substring(0, text.IndexOf("\"warnings\"", StringComparison.Ordinal));
        var ex = ReadAll(Write(cut));
        Assert.Equal(cut.Count(c => c == '\n') + 1, ex.LineNumber);
    }

    [Fact]
    public void OtherFormatIsRejected()
    {
        var ex = ReadAll(Write("{\n  \"resources\": []\n}"));
        Assert.Contains("not an OktaBaton sync file", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.LineNumber);
        Assert.Equal(3, ex.BytePositionInLine);
    }

    [Fact]
    public void OtherVersionIsRejected()
    {
        var ex = ReadAll(Write("{\"format\":\"oktabaton.sync\",\n\"version\":3,\"resources\":[]}"));
        Assert.Contains("version-3 sync file, written by a newer OktaBaton", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, ex.FileVersion);
        Assert.Equal(2, ex.LineNumber);
    }

    [Fact]
    public void EmptyFileIsRejected()
    {
        Assert.Contains("empty", ReadAll(Write("")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ItemWithAWrongFieldNamesItsLine()
    {
        var lines = File.ReadAllLines(ValidFile()).ToList();
        var index = lines.FindIndex(l => l.StartsWith("{\"id\":\"group:00g1:member:user:00u1\"", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("\"entitlement\":\"group:00g1:member\"", "\"entitlement\":17", StringComparison.Ordinal);
        var ex = ReadAll(Write(string.Join("\n", lines)));
        Assert.Equal(index + 1, ex.LineNumber);
        Assert.Equal(1, ex.BytePositionInLine);
        Assert.Contains("entitlement", ex.Reason, StringComparison.Ordinal);
    }
}
