using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta.Models;
using OktaBaton.Core.SyncFile;
using OktaBaton.Core.Sync.Incremental;

namespace OktaBaton.Core.Sync;

/// <summary>
/// Groups with expand=stats (to skip empty groups and find those that hold admin roles), their member
/// entitlements, and members fetched side by side.
/// </summary>
internal sealed class GroupSyncer : IResourceSyncer
{
    private const int MembersPage = 1000;
    private const int ListPage = 200;
    private const int IdsPerLookup = 40;

    public string ResourceType => ResourceTypes.Group;

    public async Task SyncAsync(SyncContext context, CancellationToken ct)
    {
        if (context.Refresh is { } refresh && await TryRefreshAsync(context, refresh, ct).ConfigureAwait(false)) return;
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<string>();
        long listed = 0, done = 0;
        await OrderedWork<(ResourceId Group, List<string>? Members, CarriedGrants? Carried)>.RunAsync(
            KeptGroupsAsync(context, ct),
            context.Degree,
            group =>
            {
                var id = new ResourceId(ResourceTypes.Group, group.Id);
                kept.Add(group.Id);
                if (group.Stats is null || group.Stats.HoldsAdminPrivilege) candidates.Add(group.Id);
                WriteResource(context, group);
                context.Report("Groups", ++listed);
                return token => MembersAsync(context, group, token);
            },
            result => WriteMembers(context, result, ref done),
            ct).ConfigureAwait(false);
        context.KeptGroupIds = kept;
        // in id order, as the groups are in the file: the role grants of groups follow it
        candidates.Sort(StringComparer.Ordinal);
        context.AdminGroupCandidates = candidates;
    }

    /// <summary>A group's members: none to read when Okta counts none; in a refresh, carried or patched where it can; else listed.</summary>
    private static async Task<(ResourceId Group, List<string>? Members, CarriedGrants? Carried)> MembersAsync(SyncContext context, OktaGroup group, CancellationToken ct)
    {
        var id = new ResourceId(ResourceTypes.Group, group.Id);
        if (group.Stats?.UsersCount == 0) return (id, new List<string>(), null);
        if (await UnchangedMembersAsync(context, group, ct).ConfigureAwait(false) is { } carried) return (id, null, carried);
        return await ListMembersAsync(context, id, $"'{group.Profile.Name}' ({group.Id})", ct).ConfigureAwait(false);
    }

    private static async Task<(ResourceId Group, List<string>? Members, CarriedGrants? Carried)> ListMembersAsync(SyncContext context, ResourceId group, string name,
        CancellationToken ct)
    {
        var members = await context.TryListIdsAsync($"/api/v1/groups/{SyncContext.Escape(group.Resource)}/users?limit={MembersPage}", group,
            $"the members of group {name}", ct).ConfigureAwait(false);
        return (group, members, null);
    }

    private static Task WriteMembers(SyncContext context, (ResourceId Group, List<string>? Members, CarriedGrants? Carried) result, ref long done)
    {
        if (result.Carried is not null)
        {
            result.Carried.WriteTo(context.Refresh!.Previous, context.Lane);
            // a full sync reads no members of a group Okta counts none in
            if (result.Carried.Count > 0) context.Refresh.Saved(RefreshState.Pages(result.Carried.Count, MembersPage));
        }
        else if (result.Members is not null)
        {
            // in id order, whatever order Okta lists them in: a refresh can then add or drop one member in place
            result.Members.Sort(StringComparer.Ordinal);
            context.WriteUserGrants(EntitlementIds.Create(result.Group, EntitlementSlugs.Member), result.Members);
        }
        else
        {
            context.MarkMembersUnreadable(result.Group.Resource);
        }
        context.Report("Group members", ++done);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A refresh reads only the groups that may have changed — those Okta dates as updated, or whose members moved, since
    /// the window opened (<c>filter=lastUpdated gt … or lastMembershipUpdated gt …</c>), and every group an event names
    /// (an app or a role given to a group moves no date), looked up in batches — and carries every other group over
    /// from the earlier file with its entitlement and members, merging in id order. False when listing every group
    /// is cheaper.
    /// </summary>
    private static async Task<bool> TryRefreshAsync(SyncContext context, RefreshState refresh, CancellationToken ct)
    {
        var changes = refresh.Changes;
        // an app was deleted: any group's app count may have moved, and only the whole list shows which
        if (changes.AnyGroupResource) return false;
        var previous = refresh.Previous;
        var listing = RefreshState.Pages(previous.ResourceCount(ResourceTypes.Group), ListPage);
        var fresh = new SortedDictionary<string, OktaGroup>(StringComparer.Ordinal);
        long requests = 0;
        var since = SyncFileJson.FormatTime(changes.Since);
        await foreach (var page in context.Client.ListPagesAsync<OktaGroup>(
            GroupsUrl($"lastUpdated gt \"{since}\" or lastMembershipUpdated gt \"{since}\""), ct).ConfigureAwait(false))
        {
            requests++;
            foreach (var group in page) fresh[group.Id] = group;
        }
        var named = changes.GroupsNamed.Concat(changes.BuiltInGroupMembers ? previous.BuiltInGroups : Enumerable.Empty<string>())
            .Concat(GroupsThatLostADeletedUser(previous, changes))
            .Where(id => !fresh.ContainsKey(id)).Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal).ToList();
        if (requests + (named.Count + IdsPerLookup - 1) / IdsPerLookup >= listing)
        {
            // listing every group is cheaper: what was read so far was spent for nothing
            refresh.Saved(-requests);
            return false;
        }
        for (var i = 0; i < named.Count; i += IdsPerLookup)
        {
            var ids = string.Join(" or ", named.Skip(i).Take(IdsPerLookup).Select(id => $"id eq \"{id}\""));
            await foreach (var page in context.Client.ListPagesAsync<OktaGroup>(GroupsUrl(ids), ct).ConfigureAwait(false))
            {
                requests++;
                foreach (var group in page) fresh[group.Id] = group;
            }
        }
        if (context.Options.SkipAppGroups)
        {
            foreach (var appGroup in fresh.Values.Where(g => string.Equals(g.Type, "APP_GROUP", StringComparison.OrdinalIgnoreCase)).ToList()) fresh.Remove(appGroup.Id);
        }
        refresh.Saved(listing - requests);
        // a group an event names that Okta no longer has is gone, as is one the log says was deleted
        var gone = new HashSet<string>(named.Where(id => !fresh.ContainsKey(id)), StringComparer.Ordinal);
        gone.UnionWith(changes.Gone.Where(id => id.ResourceType == ResourceTypes.Group).Select(id => id.Resource));

        var kept = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<string>();
        long listed = 0, done = 0;
        await OrderedWork<(ResourceId Group, List<string>? Members, CarriedGrants? Carried)>.RunAsync(
            MergedAsync(previous, fresh, gone),
            context.Degree,
            item =>
            {
                var id = new ResourceId(ResourceTypes.Group, item.Id);
                kept.Add(item.Id);
                context.Report("Groups", ++listed);
                if (item.Fresh is { } group)
                {
                    if (group.Stats is null || group.Stats.HoldsAdminPrivilege) candidates.Add(group.Id);
                    WriteResource(context, group);
                    return token => MembersAsync(context, group, token);
                }
                if (PrincipalAssignments.GrantTypes.Any(type => previous.GrantsHeldBy(type, id) is not null)) candidates.Add(item.Id);
                context.Lane.CarryResource(id, item.Resource!, item.Entitlements!);
                var block = previous.GrantsOf(EntitlementIds.Create(id, EntitlementSlugs.Member));
                if (block is not null && !block.CanCarry) return token => ListMembersAsync(context, id, item.Id, token);
                return _ => Task.FromResult<(ResourceId, List<string>?, CarriedGrants?)>((id, null, CarriedGrants.Unchanged(block)));
            },
            result => WriteMembers(context, result, ref done),
            ct).ConfigureAwait(false);
        context.KeptGroupIds = kept;
        candidates.Sort(StringComparer.Ordinal);
        context.AdminGroupCandidates = candidates;
        return true;
    }

    /// <summary>
    /// The earlier file's groups that had a member the log says was deleted: the member count in the group's resource
    /// moved, and Okta documents neither a membership event nor a new <c>lastMembershipUpdated</c> for it.
    /// </summary>
    private static IEnumerable<string> GroupsThatLostADeletedUser(PreviousSyncFile previous, OrgChanges changes)
    {
        if (!changes.Gone.Any(id => id.ResourceType == ResourceTypes.User)) return Enumerable.Empty<string>();
        return previous.ResourceIds(ResourceTypes.Group)
            .Where(id => previous.GrantsOf(EntitlementIds.Create(new ResourceId(ResourceTypes.Group, id), EntitlementSlugs.Member)) is { HasGonePrincipal: true })
            .ToList();
    }

    /// <summary>The earlier file's groups and the fresh ones, in id order; a fresh one replaces its earlier self, a gone one is left out.</summary>
    private static async IAsyncEnumerable<MergedGroup> MergedAsync(PreviousSyncFile previous, SortedDictionary<string, OktaGroup> fresh, HashSet<string> gone)
    {
        await Task.Yield();
        using var earlier = previous.OpenResources(ResourceTypes.Group);
        using var pending = fresh.Values.GetEnumerator();
        var next = pending.MoveNext() ? pending.Current : null;
        while (earlier.Advance())
        {
            while (next is not null && string.CompareOrdinal(next.Id, earlier.Id) <= 0)
            {
                yield return new MergedGroup(next.Id, next, null, null);
                var replaced = next.Id == earlier.Id;
                next = pending.MoveNext() ? pending.Current : null;
                if (replaced) goto nextEarlier;
            }
            if (!gone.Contains(earlier.Id)) yield return new MergedGroup(earlier.Id, null, earlier.Resource, earlier.Entitlements.ToList());
            nextEarlier:;
        }
        while (next is not null)
        {
            yield return new MergedGroup(next.Id, next, null, null);
            next = pending.MoveNext() ? pending.Current : null;
        }
    }

    private sealed class MergedGroup
    {
        public MergedGroup(string id, OktaGroup? fresh, byte[]? resource, List<byte[]>? entitlements)
        {
            Id = id;
            Fresh = fresh;
            Resource = resource;
            Entitlements = entitlements;
        }

        public string Id { get; }

        /// <summary>The group as Okta has it now; null when it is carried over.</summary>
        public OktaGroup? Fresh { get; }

        /// <summary>The earlier file's bytes of a carried group, and of its entitlements.</summary>
        public byte[]? Resource { get; }

        public List<byte[]>? Entitlements { get; }
    }

    private static string GroupsUrl(string filter) =>
        "/api/v1/groups?filter=" + SyncContext.Escape(filter) + "&limit=" + ListPage.ToString(System.Globalization.CultureInfo.InvariantCulture) + "&expand=stats";

    /// <summary>
    /// For a refresh: the group's members without listing them, when the log accounts for every change to them. Carried
    /// as they were when no membership event names the group and Okta's lastMembershipUpdated is before the window; with
    /// the earlier members patched when every event names the one user it added or removed. Built-in groups (Everyone)
    /// hold every user that is not DEPROVISIONED, and Okta moves users in and out without a membership event: their
    /// members are patched from the users the log names appearing, going or (de)activated, as Okta has them now. Either
    /// way the result must have as many members as Okta's stats count, and none that is gone. Null: list them.
    /// </summary>
    private static async Task<CarriedGrants?> UnchangedMembersAsync(SyncContext context, OktaGroup group, CancellationToken ct)
    {
        var refresh = context.Refresh;
        if (refresh is null) return null;
        var changes = refresh.Changes;
        if (changes.GroupsToRead.Contains(group.Id)) return null;
        if (group.Stats?.UsersCount is not int count) return null;
        var id = new ResourceId(ResourceTypes.Group, group.Id);
        var entitlementId = EntitlementIds.Create(id, EntitlementSlugs.Member);
        var block = refresh.Previous.GrantsOf(entitlementId);
        if (block is not null && !block.CanCarry) return null;
        if (block is null && !refresh.Previous.HasResource(id)) return null;
        var members = changes.MemberEvents.TryGetValue(group.Id, out var named) ? new SortedDictionary<string, bool>(named, StringComparer.Ordinal) : null;
        var builtIn = !string.Equals(group.Type, "OKTA_GROUP", StringComparison.OrdinalIgnoreCase) && !string.Equals(group.Type, "APP_GROUP", StringComparison.OrdinalIgnoreCase);
        if (builtIn && changes.BuiltInGroupMembers)
        {
            if (changes.BuiltInGroupUsersUnknown) return null;
            var users = await refresh.ChangedUsersAsync(() => UserSyncer.ReadChangedAsync(context, refresh, ct)).ConfigureAwait(false);
            if (users is null) return null;
            members ??= new SortedDictionary<string, bool>(StringComparer.Ordinal);
            foreach (var userId in changes.BuiltInGroupUsers)
            {
                members[userId] = users.Fresh.TryGetValue(userId, out var user) && !string.Equals(user.Status, "DEPROVISIONED", StringComparison.OrdinalIgnoreCase);
            }
        }
        CarriedGrants carried;
        if (members is not null)
        {
            carried = CarriedGrants.Patched(BlockPatch.Plan(refresh.Previous, block, members), entitlementId);
        }
        else
        {
            if (group.LastMembershipUpdated is not { } moved || moved >= changes.Since) return null;
            carried = CarriedGrants.Unchanged(block);
        }
        return carried.Count == count && carried.Others == 0 ? carried : null;
    }

    /// <summary>The ids of the kept groups whose roles must be read, for a sync that does not write groups.</summary>
    public static async Task<List<string>> ListAdminCandidatesAsync(SyncContext context, CancellationToken ct)
    {
        var candidates = new List<string>();
        await foreach (var group in KeptGroupsAsync(context, ct).ConfigureAwait(false))
        {
            if (group.Stats is null || group.Stats.HoldsAdminPrivilege) candidates.Add(group.Id);
        }
        candidates.Sort(StringComparer.Ordinal);
        return candidates;
    }

    private static async IAsyncEnumerable<OktaGroup> KeptGroupsAsync(SyncContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        // limit: Okta allows 10000 but recommends ≤200, and big pages with expand=stats are what time out (HTTP 500);
        // with q= the list is not pageable and stops at 300, so ask for all 300.
        var filter = context.Options.GroupNameFilter;
        var url = filter is null
            ? "/api/v1/groups?limit=200&expand=stats"
            : $"/api/v1/groups?q={SyncContext.Escape(filter.Trim())}&limit=300&expand=stats";
        long count = 0;
        await foreach (var group in context.Client.ListAsync<OktaGroup>(url, ct).ConfigureAwait(false))
        {
            count++;
            if (context.Options.SkipAppGroups && string.Equals(group.Type, "APP_GROUP", StringComparison.OrdinalIgnoreCase)) continue;
            yield return group;
        }
        if (filter is not null && count >= 300)
        {
            context.Warn(new SyncWarning("groups-truncated",
                $"The group name filter '{filter}' matched 300 groups, the most Okta returns for a name search; more may exist. Use a longer prefix.",
                path: "/api/v1/groups"));
        }
    }

    private static void WriteResource(SyncContext context, OktaGroup group)
    {
        var id = new ResourceId(ResourceTypes.Group, group.Id);
        var name = group.Profile.Name ?? group.Id;
        var type = group.Type?.ToUpperInvariant() switch
        {
            "OKTA_GROUP" => "native",
            "APP_GROUP" => "app_imported",
            "BUILT_IN" => "built_in",
            _ => "unknown",
        };
        // profile.type is Okta's own value, as baton-okta writes it (policies ported from baton test it);
        // the trait carries the normalised vocabulary
        var profile = new PropertyBag()
            .Set("name", name)
            .Set("description", group.Profile.Description ?? "")
            .Set("type", group.Type ?? type)
            .SetIfPresent("users_count", group.Stats?.UsersCount)
            .SetIfPresent("apps_count", group.Stats?.AppsCount);
        var trait = new PropertyBag()
            .Set("type", type)
            .SetIfPresent("oktaType", group.Type)
            .Set("immutable", type == "built_in")
            .SetIfPresent("created", group.Created);
        context.Writer.WriteResource(new Resource(id, name, new PropertyBag().Set("group", trait), profile, group.Profile.Description));
        context.Writer.WriteEntitlement(new Entitlement(id, EntitlementSlugs.Member, $"{name} Group Member", Entitlement.AssignmentPurpose,
            Entitlement.ToUsers, $"Member of the Okta group {name}"));
    }
}
