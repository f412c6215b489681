using System.Text.Json;
using OktaBaton.Core.Provisioning;
using OktaBaton.Core.Sync;
using OktaBaton.Core.SyncFile;
using OktaBaton.Core.Tests.Sync;
using OktaBaton.Simulator;
using Xunit;

namespace OktaBaton.Core.Tests.Provisioning;

/// <summary>
/// For every entitlement kind a group can hold — an app, a standard role, a custom role's binding, a custom role on every
/// resource set — the three holdings: directly only, through a group only, and both. Each goes through a sync (the
/// -Expand record says how it is held), a revoke (and its -WhatIf), the simulator's state after the write, and a
/// comparison of the syncs before and after. Group membership itself is held only directly: Okta groups do not nest.
/// </summary>
public sealed class HoldingRevokeTests : IAsyncLifetime
{
    private SyncTestOrg _org = null!;

    public async Task InitializeAsync() => _org = await SyncTestOrg.StartAsync();

    public async Task DisposeAsync() => await _org.DisposeAsync();

    public enum Held
    {
        DirectOnly,
        GroupOnly,
        Both,
    }

    /// <summary>Kind, holder, how it is held, and (for group holdings) the group it comes through.</summary>
    public static IEnumerable<object[]> Cases() => new[]
    {
        new object[] { "app:Slack", "maya.miller@acme.example", Held.DirectOnly, "" },
        new object[] { "app:Slack", "bob.brown@acme.example", Held.GroupOnly, "Engineering" },
        new object[] { "app:Slack", "alice.anderson@acme.example", Held.Both, "Engineering" },
        new object[] { "role:SUPER_ADMIN", "break.glass@acme.example", Held.DirectOnly, "" },
        new object[] { "role:SUPER_ADMIN", "alice.anderson@acme.example", Held.GroupOnly, "Okta Admins" },
        new object[] { "role:SUPER_ADMIN", "okta.admin@acme.example", Held.Both, "Okta Admins" },
        new object[] { "binding:App Auditor", "quinn.quade@contractors.example", Held.DirectOnly, "" },
        new object[] { "binding:Engineering Group Manager", "liam.lopez@acme.example", Held.GroupOnly, "Engineering" },
        new object[] { "binding:Engineering Group Manager", "carol.chen@acme.example", Held.Both, "Engineering" },
        new object[] { "custom-role:App Auditor", "quinn.quade@contractors.example", Held.DirectOnly, "" },
        new object[] { "custom-role:Engineering Group Manager", "liam.lopez@acme.example", Held.GroupOnly, "Engineering" },
        new object[] { "custom-role:Engineering Group Manager", "carol.chen@acme.example", Held.Both, "Engineering" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RevokeTellsTheTruthForEachHolding(string kind, string login, Held held, string groupName)
    {
        var options = new SyncOptions { SyncCustomRoles = true };
        await _org.SyncAsync(options, name: "before.json");
        using var before = await _org.StateAsync();
        var entitlement = EntitlementOf(before, kind);
        var userId = Id(before, "users", login);
        var groupId = groupName.Length == 0 ? null : Id(before, "groups", groupName);

        // the sync says how it is held
        var record = new SyncFileQuery(_org.PathFor("before.json"), new SyncQueryFilter { EntitlementIds = { entitlement.Id }, PrincipalIds = { login } })
            .Grants(expand: true).Single();
        Assert.Equal(held != Held.GroupOnly, record.Direct);
        Assert.Equal(groupId is null ? Array.Empty<string>() : new[] { groupId }, record.ThroughGroupIds.ToArray());

        // -WhatIf: the same decision, and nothing sent
        var asked = new List<string>();
        var provisioning = new EntitlementProvisioning(_org.Client());
        var principal = PrincipalReference.User(login);
        _org.Host.ResetStats();
        if (held == Held.GroupOnly)
        {
            var refused = await Assert.ThrowsAsync<OktaAssignedThroughGroupException>(() => provisioning.RevokeAsync(entitlement, principal, Decline(asked), CancellationToken.None));
            Assert.Equal(new[] { groupId! }, refused.GroupIds);
            Assert.Contains($"group '{groupName}' ({groupId})", refused.Message, StringComparison.Ordinal);
            Assert.Contains($"{entitlement.Id}:group:{groupId}", refused.InsteadGrantIds);
            Assert.Contains($"group:{groupId}:member:user:{userId}", refused.InsteadGrantIds);
            Assert.Empty(asked);
        }
        else
        {
            Assert.Null(await provisioning.RevokeAsync(entitlement, principal, Decline(asked), CancellationToken.None));
            var action = Assert.Single(asked);
            Assert.Equal(held == Held.Both, action.Contains($"remains held through group '{groupName}'", StringComparison.Ordinal));
        }
        Assert.Equal(0, Writes());
        Assert.Equal(before.RootElement.GetRawText(), (await _org.StateAsync()).RootElement.GetRawText());

        // the revoke
        if (held == Held.GroupOnly)
        {
            await Assert.ThrowsAsync<OktaAssignedThroughGroupException>(() => provisioning.RevokeAsync(entitlement, principal, null, CancellationToken.None));
            Assert.Equal(0, Writes());
        }
        else
        {
            var change = (await provisioning.RevokeAsync(entitlement, principal, null, CancellationToken.None))!;
            Assert.Equal(ProvisioningOutcome.Revoked, change.OutcomeKind);
            Assert.Equal(held == Held.Both, change.Warnings.Count == 1);
            Assert.Equal(held == Held.Both ? $"group '{groupName}' ({groupId})" : null, change.StillHeldThrough);
            if (held == Held.DirectOnly)
            {
                var again = await provisioning.RevokeAsync(entitlement, principal, null, CancellationToken.None);
                Assert.Equal(ProvisioningOutcome.AlreadyRevoked, again!.OutcomeKind);
            }
            else
            {
                // what is left comes only through the group: a second revoke says so rather than "already revoked"
                await Assert.ThrowsAsync<OktaAssignedThroughGroupException>(() => provisioning.RevokeAsync(entitlement, principal, null, CancellationToken.None));
            }
        }

        // the state after the write, read independently
        using var after = await _org.StateAsync();
        Assert.Equal(held != Held.DirectOnly, HoldsThroughGroup(after, kind, userId, groupId));
        Assert.False(HoldsDirectly(after, kind, userId));

        // the drift: the direct holding went; what comes through the group stayed
        await _org.SyncAsync(options, name: "after.json");
        var drift = new SyncFileComparison(_org.PathFor("before.json"), _org.PathFor("after.json"),
            new SyncQueryFilter { EntitlementIds = { entitlement.Id }, PrincipalIds = { login } }).Changes(expand: true).ToList();
        switch (held)
        {
            case Held.DirectOnly:
                Assert.Equal("Removed", Assert.Single(drift).Change);
                break;
            case Held.GroupOnly:
                Assert.Empty(drift);
                break;
            default:
                var changed = Assert.Single(drift);
                Assert.Equal(("HoldingChanged", false, $"{groupName} ({groupId})"), (changed.Change, changed.Direct, changed.Through));
                break;
        }
    }

    [Fact]
    public async Task GroupMembershipIsHeldOnlyDirectly()
    {
        using var state = await _org.StateAsync();
        var sales = Id(state, "groups", "Sales");
        var provisioning = new EntitlementProvisioning(_org.Client());

        var revoked = await provisioning.RevokeAsync(EntitlementReference.GroupMember(sales), PrincipalReference.User("grace.garcia@acme.example"), null, CancellationToken.None);
        var again = await provisioning.RevokeAsync(EntitlementReference.GroupMember(sales), PrincipalReference.User("grace.garcia@acme.example"), null, CancellationToken.None);

        Assert.Equal((ProvisioningOutcome.Revoked, ProvisioningOutcome.AlreadyRevoked), (revoked!.OutcomeKind, again!.OutcomeKind));
        using var after = await _org.StateAsync();
        Assert.DoesNotContain(Id(after, "users", "grace.garcia@acme.example"), Members(after, sales));
    }

    [Fact]
    public async Task ARevokeWhoseAnswerWasLostReportsRevoked()
    {
        using var state = await _org.StateAsync();
        var glass = Id(state, "users", "break.glass@acme.example");
        _org.Host.EnqueueFaults($"/api/v1/users/{glass}/roles/", FaultKind.AnswerLost, 1, "DELETE");
        var slack = Id(state, "apps", "Slack");
        var alice = Id(state, "users", "alice.anderson@acme.example");
        _org.Host.EnqueueFaults($"/api/v1/apps/{slack}/users/{alice}", FaultKind.AnswerLost, 1, "POST");
        var provisioning = new EntitlementProvisioning(_org.Client());

        var role = await provisioning.RevokeAsync(EntitlementReference.Role("SUPER_ADMIN"), PrincipalReference.User(glass), null, CancellationToken.None);
        var app = await provisioning.RevokeAsync(EntitlementReference.AppAccess(slack), PrincipalReference.User(alice), null, CancellationToken.None);

        Assert.Equal(2, _org.Host.GetStats().FaultsServed);
        Assert.Equal((ProvisioningOutcome.Revoked, ProvisioningOutcome.Revoked), (role!.OutcomeKind, app!.OutcomeKind));
        using var after = await _org.StateAsync();
        Assert.False(HoldsDirectly(after, "role:SUPER_ADMIN", glass));
        Assert.False(HoldsDirectly(after, "app:Slack", alice));
        Assert.True(HoldsThroughGroup(after, "app:Slack", alice, Id(after, "groups", "Engineering")));
    }

    private static ChangeConfirmation Decline(List<string> asked) => (_, action) =>
    {
        asked.Add(action);
        return Task.FromResult(false);
    };

    private long Writes() => _org.Host.GetStats().ByRoute.Where(r => !r.Key.StartsWith("GET ", StringComparison.Ordinal)).Sum(r => r.Value);

    private static EntitlementReference EntitlementOf(JsonDocument state, string kind)
    {
        var (type, name) = (kind[..kind.IndexOf(':')], kind[(kind.IndexOf(':') + 1)..]);
        return type switch
        {
            "app" => EntitlementReference.AppAccess(Id(state, "apps", name)),
            "role" => EntitlementReference.Role(name),
            "custom-role" => EntitlementReference.CustomRole(Id(state, "customRoles", name)),
            _ => EntitlementReference.Binding(BindingSet(state, Id(state, "customRoles", name)), Id(state, "customRoles", name)),
        };
    }

    private static string BindingSet(JsonDocument state, string roleId) => state.RootElement.GetProperty("resourceSets").EnumerateArray()
        .First(s => s.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("roleId").GetString() == roleId)).GetProperty("id").GetString()!;

    private static string Id(JsonDocument state, string collection, string name) => state.RootElement.GetProperty(collection).EnumerateArray()
        .Single(x => collection switch
        {
            "users" => x.GetProperty("profile").GetProperty("login").GetString(),
            "groups" => x.GetProperty("profile").GetProperty("name").GetString(),
            _ => x.GetProperty("label").GetString(),
        } == name).GetProperty("id").GetString()!;

    private static HashSet<string> Members(JsonDocument state, string groupId) => state.RootElement.GetProperty("groups").EnumerateArray()
        .Single(g => g.GetProperty("id").GetString() == groupId).GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()!).ToHashSet();

    /// <summary>From the state alone: the user is assigned the access itself.</summary>
    private static bool HoldsDirectly(JsonDocument state, string kind, string userId)
    {
        var root = state.RootElement;
        var name = kind[(kind.IndexOf(':') + 1)..];
        return kind[..kind.IndexOf(':')] switch
        {
            "app" => root.GetProperty("apps").EnumerateArray().Single(a => a.GetProperty("label").GetString() == name).GetProperty("users").EnumerateArray()
                .Any(u => u.GetProperty("userId").GetString() == userId && u.GetProperty("scope").GetString() == "USER"),
            "role" => root.GetProperty("userRoles").EnumerateArray().Any(r => r.GetProperty("userId").GetString() == userId && r.GetProperty("type").GetString() == name),
            _ => root.GetProperty("userRoles").EnumerateArray().Any(r => r.GetProperty("userId").GetString() == userId && r.GetProperty("role").GetString() == Id(state, "customRoles", name)),
        };
    }

    /// <summary>From the state alone: a group the user is in holds the access.</summary>
    private static bool HoldsThroughGroup(JsonDocument state, string kind, string userId, string? groupId)
    {
        if (groupId is null || !Members(state, groupId).Contains(userId)) return false;
        var root = state.RootElement;
        var name = kind[(kind.IndexOf(':') + 1)..];
        return kind[..kind.IndexOf(':')] switch
        {
            "app" => root.GetProperty("apps").EnumerateArray().Single(a => a.GetProperty("label").GetString() == name).GetProperty("groups").EnumerateArray()
                .Any(g => g.GetProperty("groupId").GetString() == groupId),
            "role" => root.GetProperty("groupRoles").EnumerateArray().Any(r => r.GetProperty("groupId").GetString() == groupId && r.GetProperty("type").GetString() == name),
            _ => root.GetProperty("groupRoles").EnumerateArray().Any(r => r.GetProperty("groupId").GetString() == groupId && r.GetProperty("role").GetString() == Id(state, "customRoles", name)),
        };
    }
}
