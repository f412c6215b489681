using OktaBaton.Core.Model;
using OktaBaton.Core.Sync;
using Xunit;

namespace OktaBaton.Core.Tests.Sync;

public sealed class SyncPermissionTests : IAsyncLifetime
{
    private SyncTestOrg _org = null!;

    public async Task InitializeAsync() => _org = await SyncTestOrg.StartAsync();

    public async Task DisposeAsync() => await _org.DisposeAsync();

    [Fact]
    public async Task ReadOnlyTokenRecordsWhatItCouldNotReadAndNeverClaimsNoGrants()
    {
        var warnings = new List<SyncWarning>();
        var path = _org.PathFor("ro.json");
        var result = await new SyncEngine(_org.Client("read-only")).RunAsync(path, new SyncOptions { SyncCustomRoles = true }, new Collect(warnings), CancellationToken.None);
        var contents = SyncContents.Read(path);

        Assert.NotEmpty(result.Warnings);
        Assert.All(result.Warnings, w => Assert.Equal(SyncWarning.PermissionDenied, w.Code));
        Assert.Contains(result.Warnings, w => w.Path == "/api/v1/iam/assignees/users" && w.ErrorCode == "E0000006");
        Assert.Equal(result.Warnings.Select(w => w.Message), contents.Trailer.Warnings.Select(w => w.Message));
        Assert.Equal(result.Warnings.Count, warnings.Count);
        Assert.All(result.Warnings, w => Assert.Contains("missing from the file, not empty", w.Message, StringComparison.Ordinal));
        // everything readable is still there
        Assert.Contains(contents.Grants, g => g.EntitlementId.StartsWith("group:", StringComparison.Ordinal));
        Assert.Contains(contents.Grants, g => g.EntitlementId.StartsWith("app:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullTokensSeeEveryRoleGrantTheReadOnlyOneMissed()
    {
        var (full, fullContents) = await _org.SyncAsync(new SyncOptions { SyncCustomRoles = true }, "custom-read-only", "full.json");
        var (ro, roContents) = await _org.SyncAsync(new SyncOptions { SyncCustomRoles = true }, "read-only", "ro.json");
        Assert.Empty(full.Warnings);
        var missing = fullContents.GrantIds.Except(roContents.GrantIds).ToList();
        Assert.NotEmpty(missing);
        // every grant the read-only token missed is accounted for by a warning: on its resource, or on the admin list
        var covered = ro.Warnings.Where(w => w.Resource is not null).Select(w => w.Resource!.ToString()).ToHashSet();
        Assert.Contains(ro.Warnings, w => w.Path == "/api/v1/iam/assignees/users");
        foreach (var id in missing)
        {
            var resource = EntitlementIds.Parse(roContents.Grants.Concat(fullContents.Grants).First(g => g.Id == id).EntitlementId).Resource;
            Assert.True(resource.ResourceType is "role" or "custom-role" || covered.Contains(resource.ToString()), id);
        }
        Assert.Contains(missing, id => id.StartsWith("group:", StringComparison.Ordinal));
        // what only the read-only file has is access it could not show through groups: users Okta lists as holding an app
        // through a group whose members that token may not read, kept as inherited grants naming the group
        var onlyReadOnly = roContents.Grants.Where(g => !fullContents.GrantIds.Contains(g.Id)).ToList();
        Assert.NotEmpty(onlyReadOnly);
        Assert.All(onlyReadOnly, g =>
        {
            Assert.True(g.IsInherited, g.Id);
            Assert.StartsWith("app:", g.EntitlementId, StringComparison.Ordinal);
            var group = Assert.Single(g.InheritedThrough!);
            Assert.Contains(ro.Warnings, w => w.Resource?.ToString() == "group:" + group);
            Assert.Contains($"{g.EntitlementId}:group:{group}", fullContents.GrantIds);
        });
    }

    [Fact]
    public async Task AServiceAppThatSeesNoUsersIsWarnedItProbablyLacksAnAdminRole()
    {
        var (result, contents) = await _org.SyncAsync(new SyncOptions(), "no-admin-role", "hidden.json");

        var warning = Assert.Single(result.Warnings, w => w.Code == SyncWarning.NoUsersVisible);
        Assert.Contains("admin role", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(contents.Resources, r => r.Id.ResourceType == ResourceTypes.User);
        Assert.Contains(contents.Trailer.Warnings, w => w.Code == SyncWarning.NoUsersVisible);

        var (full, _) = await _org.SyncAsync(new SyncOptions(), "super-admin", "full.json");
        Assert.DoesNotContain(full.Warnings, w => w.Code == SyncWarning.NoUsersVisible);
    }

    private sealed class Collect : ISyncProgress
    {
        private readonly List<SyncWarning> _warnings;

        public Collect(List<SyncWarning> warnings) => _warnings = warnings;

        public void Report(string phase, long done, long? total)
        {
        }

        public void Warn(SyncWarning warning)
        {
            lock (_warnings) _warnings.Add(warning);
        }
    }
}
