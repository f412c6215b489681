using System.Text;
using OktaBaton.Core.Model;
using OktaBaton.Core.SyncFile;
using Xunit;

namespace OktaBaton.Core.Tests.SyncFile;

public sealed class SyncFileRoundTripTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oktabaton-file-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static SyncFileHeader Header() => new("sync-1", new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), "demo.okta.com",
        new PropertyBag().Set("syncCustomRoles", true), ResourceTypes.All);

    private static SyncFileTrailer Trailer(params SyncWarning[] warnings) => new(new DateTimeOffset(2025, 1, 2, 3, 5, 0, TimeSpan.Zero), warnings,
        new SyncStats(12, 1, 55, new Dictionary<string, long> { ["user"] = 1 }, 1, 2));

    [Fact]
    public void WritesAndReadsBackEverySection()
    {
        var path = Path.Combine(_dir, "sync.json");
        var user = new ResourceId("user", "00u1");
        var group = new ResourceId("group", "00g1");
        using (var writer = SyncFileWriter.Create(path, Header()))
        {
            writer.WriteResource(new Resource(user, "Zoë Ünicode",
                new PropertyBag().Set("user", new PropertyBag().Set("login", "zoe@example.com").Set("emails", new[] { "zoe@example.com", "z@alt.example" })),
                new PropertyBag().Set("employeeNumber", 42).Set("nested", new PropertyBag().Set("flag", true))));
            writer.WriteEntitlement(new Entitlement(group, "member", "Group member", Entitlement.AssignmentPurpose, Entitlement.ToUsers));
            writer.WriteGrant(new Grant("group:00g1:member", user));
            writer.WriteGrant(new Grant("role:SUPER_ADMIN:assigned", group, new[] { "group:00g1:member" }));
            writer.Complete(Trailer(new SyncWarning(SyncWarning.PermissionDenied, "could not read", group, "/api/v1/groups/00g1/roles", "E0000006")));
        }

        using var reader = SyncFileReader.Open(path);
        Assert.Equal("sync-1", reader.Header.SyncId);
        Assert.Equal("demo.okta.com", reader.Header.Domain);
        Assert.Equal(true, reader.Header.Options.Get("syncCustomRoles"));
        Assert.Equal(ResourceTypes.All.Select(t => t.Id), reader.Header.ResourceTypes.Select(t => t.Id));
        var resource = Assert.Single(reader.ReadResources());
        Assert.Equal(user, resource.Id);
        Assert.Equal("Zoë Ünicode", resource.DisplayName);
        Assert.Equal("zoe@example.com", resource.Trait("user")!.GetString("login"));
        Assert.Equal(42L, resource.Profile.Get("employeeNumber"));
        Assert.Equal(true, resource.Profile.GetBag("nested")!.Get("flag"));
        var entitlement = Assert.Single(reader.ReadEntitlements());
        Assert.Equal("group:00g1:member", entitlement.Id);
        Assert.Equal(new[] { "user" }, entitlement.GrantableTo);
        var grants = reader.ReadGrants().ToList();
        Assert.Equal(new[] { "group:00g1:member:user:00u1", "role:SUPER_ADMIN:assigned:group:00g1" }, grants.Select(g => g.Id));
        Assert.Equal(new[] { "group:00g1:member" }, grants[1].Expandable);
        Assert.Equal(new ResourceId("role", "SUPER_ADMIN"), grants[1].Resource);
        var trailer = reader.ReadTrailer();
        var warning = Assert.Single(trailer.Warnings);
        Assert.Equal(("E0000006", group), (warning.ErrorCode, warning.Resource));
        Assert.Equal(12, trailer.Stats.Requests);
        Assert.Equal(2, trailer.Stats.Grants);
        Assert.Contains("Zoë", File.ReadAllText(path, Encoding.UTF8));
    }

    [Fact]
    public void SkippedSectionsAndEmptySectionsStillReachTheTrailer()
    {
        var path = Path.Combine(_dir, "empty.json");
        using (var writer = SyncFileWriter.Create(path, Header()))
        {
            writer.WriteResource(new Resource(new ResourceId("role", "SUPER_ADMIN"), "Super Administrator"));
            writer.Complete(Trailer());
        }
        using var reader = SyncFileReader.Open(path);
        Assert.Empty(reader.ReadGrants());
        Assert.Empty(reader.ReadTrailer().Warnings);
        Assert.Throws<InvalidOperationException>(() => reader.ReadResources().ToList());
    }

    [Fact]
    public void AbandonedWriterLeavesThePreviousFileAndNoTemporaryFiles()
    {
        var path = Path.Combine(_dir, "keep.json");
        File.WriteAllText(path, "previous");
        using (var writer = SyncFileWriter.Create(path, Header()))
        {
            writer.WriteResource(new Resource(new ResourceId("user", "00u1"), "A"));
            Assert.Equal(4, Directory.GetFiles(_dir).Length); // target + final temp-to-be's three sections
        }
        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(_dir));
    }

    [Fact]
    public void CompletedFileReplacesThePreviousOneAndIsOwnerOnly()
    {
        var path = Path.Combine(_dir, "replace.json");
        File.WriteAllText(path, "previous");
        using (var writer = SyncFileWriter.Create(path, Header())) writer.Complete(Trailer());
        Assert.StartsWith("{\n\"format\":\"oktabaton.sync\"", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal(new[] { path }, Directory.GetFiles(_dir));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void MissingDirectoryIsAClearError()
    {
        var ex = Assert.Throws<DirectoryNotFoundException>(() => SyncFileWriter.Create(Path.Combine(_dir, "no", "such.json"), Header()));
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }
}
