using System.Text.Json;
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

    private static string IdOf(JsonDocument state, string collection, string name) => state.RootElement.GetProperty(collection).EnumerateArray()
        .Single(x => (collection == "users" ? x.GetProperty("profile").GetProperty("login") : x.GetProperty("profile").GetProperty("name")).GetString() == name)
        .GetProperty("id").GetString()!;

    [Fact]
    public async Task ExpandListsEachHolderOnceSayingWhetherDirectlyThroughGroupsOrBoth()
    {
        using var state = await _org.StateAsync();
        var admins = IdOf(state, "groups", "Okta Admins");
        var members = state.RootElement.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("id").GetString() == admins)
            .GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()!).ToHashSet();
        var okta = IdOf(state, "users", "okta.admin@acme.example");
        var glass = IdOf(state, "users", "break.glass@acme.example");

        var records = new SyncFileQuery(_path, new SyncQueryFilter { EntitlementIds = { "role:SUPER_ADMIN:assigned" } }).Grants(expand: true).ToList();

        Assert.Equal(records.Count, records.Select(r => r.GrantId).Distinct().Count());
        Assert.Equal(members.Append(okta).Append(glass).Append(admins).Distinct().Order(), records.Select(r => r.PrincipalId).Order());
        var byLogin = records.Where(r => r.PrincipalType == "user").ToDictionary(r => r.PrincipalLogin!);
        var both = byLogin["okta.admin@acme.example"];
        Assert.Equal((true, admins, $"Okta Admins ({admins})"), (both.Direct, both.ThroughGroupIds.Single(), both.Through));
        Assert.Equal("okta.admin@acme.example holds role SUPER_ADMIN directly and through group 'Okta Admins'", both.ToString());
        var onlyDirect = byLogin["break.glass@acme.example"];
        Assert.Equal((true, 0, null), (onlyDirect.Direct, onlyDirect.ThroughGroupIds.Count, onlyDirect.Through));
        var alice = byLogin["alice.anderson@acme.example"];
        Assert.Equal((false, "Okta Admins", $"role:SUPER_ADMIN:assigned:group:{admins}", "ACTIVE", "org-wide"),
            (alice.Direct, alice.ThroughGroupNames.ToString(), alice.Via, alice.PrincipalStatus, alice.Scope));
        Assert.Equal($"role:SUPER_ADMIN:assigned:user:{IdOf(state, "users", "alice.anderson@acme.example")}", alice.GrantId);
        Assert.Equal("alice.anderson@acme.example holds role SUPER_ADMIN through group 'Okta Admins'", alice.ToString());
        var group = records.Single(r => r.PrincipalType == "group");
        Assert.Equal((true, "group 'Okta Admins' holds role SUPER_ADMIN directly"), (group.Direct, group.ToString()));

        var plain = new SyncFileQuery(_path, new SyncQueryFilter { EntitlementIds = { "role:SUPER_ADMIN:assigned" } }).Grants().ToList();
        Assert.Equal(new[] { okta, glass, admins }.Order(), plain.Select(r => r.PrincipalId).Order());
        Assert.All(plain, r => Assert.Equal((true, null), (r.Direct, r.Via)));
    }

    [Fact]
    public async Task ScopedRolesSayWhatTheyReachAndAnOrgWideHoldingWins()
    {
        using var state = await _org.StateAsync();
        var sales = IdOf(state, "groups", "Sales");
        var contractors = IdOf(state, "groups", "Contractors");
        var helpDesk = IdOf(state, "groups", "Help Desk");

        var holders = new SyncFileQuery(_path, new SyncQueryFilter { EntitlementIds = { "role:HELP_DESK_ADMIN:assigned" } }).Grants(expand: true)
            .Where(r => r.PrincipalType == "user").ToDictionary(r => r.PrincipalLogin!);

        // iris holds it only through Help Desk, whose role is limited to Sales and Contractors
        var iris = holders["iris.ito@acme.example"];
        Assert.Equal((false, "groups 'Sales', 'Contractors'"), (iris.Direct, iris.Scope));
        Assert.Equal(new[] { "group:" + sales, "group:" + contractors }, iris.ScopeIds);
        Assert.Equal("iris.ito@acme.example holds role HELP_DESK_ADMIN through group 'Help Desk' (limited to groups 'Sales', 'Contractors')", iris.ToString());
        // alice holds it org-wide herself and limited through Help Desk: she reaches everything
        var alice = holders["alice.anderson@acme.example"];
        Assert.Equal((true, helpDesk, "org-wide", 0), (alice.Direct, alice.ThroughGroupIds.Single(), alice.Scope, alice.ScopeIds.Count));

        var carol = new SyncFileQuery(_path, new SyncQueryFilter { PrincipalIds = { "carol.chen@acme.example" }, ResourceTypes = { "role" } }).Grants().Single();
        Assert.Equal(("USER_ADMIN", "groups 'Engineering', 'Contractors'"), (carol.ResourceId, carol.Scope));
        var noah = new SyncFileQuery(_path, new SyncQueryFilter { PrincipalIds = { "noah.nguyen@acme.example" }, ResourceTypes = { "role" } }).Grants().Single();
        Assert.Equal($"apps 'Slack', every 'zoomus' app", noah.Scope);
        var binding = new SyncFileQuery(_path, new SyncQueryFilter { ResourceTypes = { "resourceset-binding" } }).Grants().First();
        Assert.StartsWith("resource set '", binding.Scope, StringComparison.Ordinal);
        Assert.All(new SyncFileQuery(_path, new SyncQueryFilter { ResourceTypes = { "app", "group" } }).Grants(), r => Assert.Null(r.Scope));
    }

    [Theory]
    [InlineData("ResourceTypes", "groups", "'groups' is not a resource type")]
    [InlineData("Slugs", "members", "'members' is not an entitlement slug")]
    [InlineData("EntitlementIds", "SUPER_ADMIN", "is not an entitlement id")]
    public void AFilterValueOutsideItsVocabularyIsRefusedBeforeAnyRecord(string list, string value, string message)
    {
        var filter = new SyncQueryFilter();
        ((IList<string>)typeof(SyncQueryFilter).GetProperty(list)!.GetValue(filter)!).Add(value);
        var records = new List<SyncGrantRecord>();

        var error = Assert.Throws<OktaOperationException>(() => records.AddRange(new SyncFileQuery(_path, filter).Grants()));

        Assert.Equal(("OktaInvalidQueryFilter", OktaFailureKind.InvalidArgument), (error.ErrorId, error.Kind));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(records);
        Assert.Throws<OktaOperationException>(() => new SyncFileQuery(_path, filter).Resources().ToList());
    }

    [Fact]
    public void IdsTheFileDoesNotHoldAreNamedInWarningsWithWhatWasMeant()
    {
        var query = new SyncFileQuery(_path, new SyncQueryFilter
        {
            EntitlementIds = { "role:SUPERADMIN:assigned" },
            PrincipalIds = { "nobody@acme.example" },
            ResourceIds = { "role:NOPE" },
        });

        Assert.Empty(query.Grants().ToList());
        Assert.Equal(3, query.QueryWarnings.Count);
        Assert.Contains(query.QueryWarnings, w => w.Contains("'role:SUPERADMIN:assigned' is not an entitlement", StringComparison.Ordinal)
            && w.Contains("did you mean 'role:SUPER_ADMIN:assigned'", StringComparison.Ordinal));
        Assert.Contains(query.QueryWarnings, w => w.Contains("'nobody@acme.example' is not a user or group", StringComparison.Ordinal));
        Assert.Contains(query.QueryWarnings, w => w.Contains("'role:NOPE' is not a resource", StringComparison.Ordinal));

        var fine = new SyncFileQuery(_path, new SyncQueryFilter { EntitlementIds = { "role:SUPER_ADMIN:assigned" } });
        Assert.NotEmpty(fine.Grants().ToList());
        Assert.Empty(fine.QueryWarnings);
    }

    [Fact]
    public async Task APrincipalMayBeNamedByLoginOrEmail()
    {
        using var state = await _org.StateAsync();
        var id = IdOf(state, "users", "carol.chen@acme.example");
        var byId = new SyncFileQuery(_path, new SyncQueryFilter { PrincipalIds = { id } }).Grants(expand: true).Select(r => r.GrantId).ToList();

        Assert.NotEmpty(byId);
        Assert.Equal(byId, new SyncFileQuery(_path, new SyncQueryFilter { PrincipalIds = { "CAROL.CHEN@acme.example" } }).Grants(expand: true).Select(r => r.GrantId));
        Assert.Equal(byId, new SyncFileQuery(_path, new SyncQueryFilter { PrincipalIds = { "user:" + id } }).Grants(expand: true).Select(r => r.GrantId));
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
