using OktaBaton.Core.Sync;
using OktaBaton.Core.SyncFile;
using OktaBaton.Core.Tests.Sync;
using Xunit;

namespace OktaBaton.Core.Tests.SyncFile;

public sealed class SyncFileQueryTests : IAsyncLifetime
{
    private SyncTestOrg _org = null!;
    private string _path = "";

    public async Task InitializeAsync()
    {
        _org = await SyncTestOrg.StartAsync();
        await _org.SyncAsync(new SyncOptions { SyncCustomRoles = true });
        _path = _org.PathFor("sync.json");
    }

    public async Task DisposeAsync() => await _org.DisposeAsync();

    [Fact]
    public async Task ExpandAddsTheMembersOfGroupsThatHoldTheEntitlementWithVia()
    {
        using var state = await _org.StateAsync();
        var root = state.RootElement;
        string IdOf(string login) => root.GetProperty("users").EnumerateArray()
            .Single(u => u.GetProperty("profile").GetProperty("login").GetString() == login).GetProperty("id").GetString()!;
        var adminGroup = root.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("profile").GetProperty("name").GetString() == "Okta Admins");
        var adminGroupId = adminGroup.GetProperty("id").GetString();
        var members = adminGroup.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()!).ToHashSet();

        var query = new SyncFileQuery(_path, new SyncQueryFilter { EntitlementIds = { "role:SUPER_ADMIN:assigned" } });
        var records = query.Grants(expand: true).ToList();

        var direct = records.Where(r => r.Via is null).ToList();
        Assert.Equal(new[] { IdOf("okta.admin@acme.example"), IdOf("break.glass@acme.example"), adminGroupId }.Order(), direct.Select(r => r.PrincipalId).Order());
        var inherited = records.Where(r => r.Via is not null).ToList();
        Assert.Equal(members.Order(), inherited.Select(r => r.PrincipalId).Order());
        Assert.All(inherited, r => Assert.Equal($"role:SUPER_ADMIN:assigned:group:{adminGroupId}", r.Via));
        Assert.All(inherited, r => Assert.Equal(("user", "role", "SUPER_ADMIN", "Super Administrator"), (r.PrincipalType, r.ResourceType, r.ResourceId, r.ResourceName)));
        var alice = inherited.Single(r => r.PrincipalLogin == "alice.anderson@acme.example");
        Assert.Equal(("Alice Anderson", "alice.anderson@acme.example"), (alice.PrincipalName, alice.PrincipalEmail));
        Assert.Equal($"role:SUPER_ADMIN:assigned:user:{IdOf("alice.anderson@acme.example")}", alice.GrantId);
        Assert.DoesNotContain(new SyncFileQuery(_path, new SyncQueryFilter { EntitlementIds = { "role:SUPER_ADMIN:assigned" } }).Grants(), r => r.Via is not null);
    }

    [Fact]
    public void FiltersCombine()
    {
        var all = new SyncFileQuery(_path).Grants().ToList();
        var apps = new SyncFileQuery(_path, new SyncQueryFilter { ResourceTypes = { "APP" } }).Grants().ToList();
        Assert.Equal(all.Count(g => g.ResourceType == "app"), apps.Count);
        var someUser = apps.First(g => g.PrincipalType == "user").PrincipalId;
        var ofUser = new SyncFileQuery(_path, new SyncQueryFilter { PrincipalIds = { "user:" + someUser } }).Grants().ToList();
        Assert.Equal(all.Where(g => g.PrincipalId == someUser).Select(g => g.GrantId), ofUser.Select(g => g.GrantId));
        var members = new SyncFileQuery(_path, new SyncQueryFilter { Slugs = { "member" }, ResourceTypes = { "group" } }).Grants().ToList();
        Assert.Equal(all.Count(g => g.EntitlementId.StartsWith("group:", StringComparison.Ordinal)), members.Count);
        var groupId = members[0].ResourceId;
        Assert.All(new SyncFileQuery(_path, new SyncQueryFilter { ResourceIds = { groupId } }).Grants(), g => Assert.Equal(groupId, g.ResourceId));
    }

    [Fact]
    public void ResourcesAndEntitlementsAreFlatAndFiltered()
    {
        var users = new SyncFileQuery(_path, new SyncQueryFilter { ResourceTypes = { "user" } }).Resources().ToList();
        var dave = users.Single(u => u.Login == "dave.davis@acme.example");
        Assert.Equal(("Dave Davis", "SUSPENDED", "dave.davis@acme.example"), (dave.DisplayName, dave.Status, dave.Email));
        var single = new SyncFileQuery(_path, new SyncQueryFilter { ResourceIds = { "user:" + dave.ResourceId } }).Resources().ToList();
        Assert.Equal(dave.ResourceId, Assert.Single(single).ResourceId);
        var entitlements = new SyncFileQuery(_path, new SyncQueryFilter { Slugs = { "access" } }).Entitlements().ToList();
        Assert.NotEmpty(entitlements);
        Assert.All(entitlements, e => Assert.Equal(("app", "user,group"), (e.ResourceType, e.GrantableTo)));
        Assert.Contains(entitlements, e => e.ResourceName == "Zoom");
    }
}
