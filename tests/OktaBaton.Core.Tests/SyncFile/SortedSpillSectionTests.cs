using System.Text;
using OktaBaton.Core.Model;
using OktaBaton.Core.SyncFile;
using Xunit;

namespace OktaBaton.Core.Tests.SyncFile;

public sealed class SortedSpillSectionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oktabaton-sorted-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(1 << 20)] // one run: sorted in memory
    [InlineData(2048)]    // dozens of runs: merged on the way out
    public void ItemsLandInOrdinalIdOrderWhateverOrderTheyCameIn(int runBytes)
    {
        var random = new Random(7);
        // ordinal order differs from culture order here: digits, upper and lower case mixed
        var ids = Enumerable.Range(0, 700).Select(i => "00u" + RandomId(random)).Distinct().ToList();
        var shuffled = ids.OrderBy(_ => random.Next()).ToList();

        var written = Write(shuffled, runBytes);

        var expected = ids.OrderBy(id => id, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, written.Select(r => r.Id.Resource));
        Assert.Equal(expected.Select(id => "Name " + id), written.Select(r => r.DisplayName));
    }

    [Fact]
    public void ItemsThatArriveInOrderAreCopiedAsTheyCame()
    {
        var ids = Enumerable.Range(0, 300).Select(i => "00u" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var path = Path.Combine(_dir, "in-order.tmp");
        using var section = new SortedSpillSection(path, SyncFileItemKeys.ResourceKey, runBytes: 1024);
        foreach (var id in ids) section.Add(w => SyncFileJson.WriteResource(w, Resource(id)), id);
        using var copied = new MemoryStream();

        section.CopyTo(copied);

        var expected = string.Join(",\n", ids.Select(id => Json(Resource(id))));
        Assert.Equal(expected, Encoding.UTF8.GetString(copied.ToArray()));
        Assert.Equal(300, section.Count);
    }

    [Fact]
    public void CarriedItemsAndNewOnesMergeIntoOneOrder()
    {
        var path = Path.Combine(_dir, "carried.tmp");
        using var section = new SortedSpillSection(path, SyncFileItemKeys.ResourceKey, runBytes: 256);
        foreach (var id in new[] { "00u5", "00uB", "00ua" }) section.AddRaw(Encoding.UTF8.GetBytes(Json(Resource(id))), id);
        foreach (var id in new[] { "00u7", "00u1", "00uZ" }) section.Add(w => SyncFileJson.WriteResource(w, Resource(id)), id);
        using var copied = new MemoryStream();

        section.CopyTo(copied);

        var order = new[] { "00u1", "00u5", "00u7", "00uB", "00uZ", "00ua" };
        Assert.Equal(string.Join(",\n", order.Select(id => Json(Resource(id)))), Encoding.UTF8.GetString(copied.ToArray()));
    }

    private List<Resource> Write(IEnumerable<string> ids, int runBytes)
    {
        var path = Path.Combine(_dir, "sorted.tmp");
        using var section = new SortedSpillSection(path, SyncFileItemKeys.ResourceKey, runBytes);
        foreach (var id in ids) section.Add(w => SyncFileJson.WriteResource(w, Resource(id)), id);
        using var copied = new MemoryStream();
        section.CopyTo(copied);
        var text = Encoding.UTF8.GetString(copied.ToArray());
        return text.Split(",\n").Select(line => SyncFileJson.ReadResource(System.Text.Json.JsonDocument.Parse(line).RootElement)).ToList();
    }

    private static string Json(Resource resource)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, SyncFileJson.WriterOptions)) SyncFileJson.WriteResource(writer, resource);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Resource Resource(string id) =>
        new(new ResourceId("user", id), "Name " + id, new PropertyBag(), new PropertyBag().Set("note", "a, line\nbreak and \"quotes\""));

    private static string RandomId(Random random)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        return new string(Enumerable.Range(0, 17).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }
}
