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

    [Theory]
    [InlineData(new[] { "00u5", "00uB" }, new[] { "00u7", "00u1", "00uZ" }, true)]   // carried first: new ones sorted around them
    [InlineData(new[] { "00u7", "00uZ" }, new[] { "00u1", "00u5" }, false)]          // all in order: copied, never merged
    public void CarriedRunsAndNewItemsLandInOneOrder(string[] carried, string[] added, bool carriedFirst)
    {
        var path = Path.Combine(_dir, "carried.tmp");
        using var section = new SortedSpillSection(path, SyncFileItemKeys.ResourceKey, runBytes: 256);
        using var earlier = new MemoryStream(Encoding.UTF8.GetBytes(string.Join(",\n", carried.Select(id => Json(Resource(id))))));
        void Carry() => section.AddFrom(earlier, earlier.Length, carried.Length, carried[0], carried[^1]);
        if (carriedFirst) Carry();
        foreach (var id in added) section.Add(w => SyncFileJson.WriteResource(w, Resource(id)), id);
        if (!carriedFirst) Carry();
        using var copied = new MemoryStream();

        section.CopyTo(copied);

        var order = carried.Concat(added).OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(string.Join(",\n", order.Select(id => Json(Resource(id)))), Encoding.UTF8.GetString(copied.ToArray()));
        Assert.Equal(carried.Length + added.Length, section.Count);
    }

    [Theory]
    [InlineData(1 << 20)] // one run
    [InlineData(600)]     // a few grants a run: a group's members split across runs, merged item by item
    [InlineData(4000)]    // dozens a run, a few keys each: merged by the runs' own key lists
    public void AGroupsMembersLandTogetherInGroupIdOrderAsWrittenWhateverOrderTheGroupsCameIn(int runBytes)
    {
        var random = new Random(11);
        var groups = Enumerable.Range(0, 60).Select(_ => "00g" + RandomId(random)).Distinct().ToList();
        // each group's members in one call or two (a group whose members came in two lists keeps both, first list first)
        var calls = groups.SelectMany(g => Enumerable.Range(0, 1 + random.Next(2))
                .Select(_ => (Group: g, Members: Enumerable.Range(0, random.Next(0, 25)).Select(_ => "00u" + RandomId(random)).ToList())))
            .OrderBy(_ => random.Next()).ToList();
        var path = Path.Combine(_dir, "grants.tmp");
        using (var section = new SortedSpillSection(path + ".sorted", SyncFileItemKeys.GrantKey, runBytes))
        {
            foreach (var (group, members) in calls) section.AddGrants($"group:{group}:member", "user", members, group);
            using var copied = new MemoryStream();
            section.CopyTo(copied);
            var written = Encoding.UTF8.GetString(copied.ToArray()).Split(",\n", StringSplitOptions.RemoveEmptyEntries)
                .Select(line => SyncFileItemKeys.TryReadGrant(Encoding.UTF8.GetBytes(line), out var entitlement, out _, out var principal) ? (entitlement, principal) : ("?", line))
                .ToList();

            // by group id (ordinal); within a group, the calls in the order they came, each call's members as listed
            var expected = calls.Select((call, arrival) => (call, arrival))
                .OrderBy(c => c.call.Group, StringComparer.Ordinal).ThenBy(c => c.arrival)
                .SelectMany(c => c.call.Members.Select(m => ($"group:{c.call.Group}:member", m)))
                .ToList();
            Assert.Equal(expected, written);
            Assert.Equal(expected.Count, section.Count);
        }
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
