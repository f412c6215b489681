using OktaBaton.Core.Model;
using OktaBaton.Core.SyncFile;
using Xunit;

namespace OktaBaton.Core.Tests.SyncFile;

public sealed class SyncFileLaneTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oktabaton-lanes-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static SyncFileHeader Header() => new("sync-1", DateTimeOffset.UnixEpoch, "demo.okta.com", new PropertyBag(), ResourceTypes.All);

    private static SyncFileTrailer Trailer() => new(DateTimeOffset.UnixEpoch, Array.Empty<SyncWarning>(),
        new SyncStats(0, 0, 0, new Dictionary<string, long>(), 0, 0));

    [Fact]
    public void LanesLandInTheOrderTheyWereOpenedWhateverTheOrderOfTheWrites()
    {
        var path = Path.Combine(_dir, "sync.json");
        using (var writer = SyncFileWriter.Create(path, Header()))
        {
            var users = writer.OpenLane();
            var empty = writer.OpenLane();
            var groups = writer.OpenLane();
            groups.WriteResource(Resource("group", "00g1"));
            groups.WriteGrant(new Grant("group:00g1:member", new ResourceId("user", "00u2")));
            users.WriteResource(Resource("user", "00u2"));
            groups.WriteResource(Resource("group", "00g2"));
            users.WriteResource(Resource("user", "00u1"));
            users.WriteGrant(new Grant("role:SUPER_ADMIN:assigned", new ResourceId("user", "00u1")));

            Assert.Equal(4, writer.ResourceCount);
            Assert.Equal(2, writer.GrantCount);
            Assert.Equal(2, writer.ResourceCounts["user"]);
            Assert.Equal(2, writer.ResourceCounts["group"]);
            writer.Complete(Trailer());
            Assert.Throws<InvalidOperationException>(() => empty.WriteGrant(new Grant("group:00g1:member", new ResourceId("user", "00u1"))));
        }

        using var reader = SyncFileReader.Open(path);
        Assert.Equal(new[] { "user:00u2", "user:00u1", "group:00g1", "group:00g2" }, reader.ReadResources().Select(r => r.Id.ToString()));
        Assert.Empty(reader.ReadEntitlements());
        Assert.Equal(new[] { "role:SUPER_ADMIN:assigned:user:00u1", "group:00g1:member:user:00u2" }, reader.ReadGrants().Select(g => g.Id));
        Assert.Equal(new[] { path }, Directory.GetFiles(_dir));
    }

    [Fact]
    public void GrantsWrittenInOneGoAreByteForByteTheGrantsWrittenOneByOne()
    {
        // enough grants to cross the spill buffer's chunks, an id too long for the stack, and text that needs escaping
        var ids = Enumerable.Range(0, 3000).Select(i => "00u" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        ids.Add(new string('x', 300));
        ids.Add("ünï\"cödé\u0001");
        var entitlement = "group:00g\"1:member";

        string Write(string name, Action<ISyncFileSink> write)
        {
            var path = Path.Combine(_dir, name);
            using var writer = SyncFileWriter.Create(path, Header());
            write(writer.OpenLane());
            writer.Complete(Trailer());
            return path;
        }

        var oneByOne = Write("one-by-one.json", lane =>
        {
            foreach (var id in ids) lane.WriteGrant(new Grant(entitlement, new ResourceId("user", id)));
        });
        var inOneGo = Write("in-one-go.json", lane => lane.WriteGrants(entitlement, "user", ids));

        Assert.Equal(File.ReadAllBytes(oneByOne), File.ReadAllBytes(inOneGo));
        using var reader = SyncFileReader.Open(inOneGo);
        Assert.Equal(ids.Select(id => entitlement + ":user:" + id), reader.ReadGrants().Select(g => g.Id));
    }

    [Fact]
    public void GrantsInOneGoRejectAnEmptyPrincipalIdAndWriteNone()
    {
        var path = Path.Combine(_dir, "sync.json");
        using var writer = SyncFileWriter.Create(path, Header());
        var lane = writer.OpenLane();

        Assert.Throws<ArgumentException>(() => lane.WriteGrants("group:00g1:member", "user", new[] { "00u1", "" }));

        Assert.Equal(0, writer.GrantCount);
    }

    [Fact]
    public void AnAbandonedFileTakesItsLanesTemporaryFilesWithIt()
    {
        var path = Path.Combine(_dir, "sync.json");
        using (var writer = SyncFileWriter.Create(path, Header()))
        {
            writer.OpenLane().WriteResource(Resource("user", "00u1"));
            Assert.True(Directory.GetFiles(_dir).Length >= 6);
        }

        Assert.Empty(Directory.GetFiles(_dir));
    }

    private static Resource Resource(string type, string id) =>
        new(new ResourceId(type, id), id, new PropertyBag(), new PropertyBag());
}
