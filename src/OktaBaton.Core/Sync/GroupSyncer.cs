using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta.Models;
using OktaBaton.Core.Sync.Incremental;

namespace OktaBaton.Core.Sync;

/// <summary>
/// Groups with expand=stats (to skip empty groups and find those that hold admin roles), their member
/// entitlements, and members fetched side by side.
/// </summary>
internal sealed class GroupSyncer : IResourceSyncer
{
    private const int MembersPage = 1000;

    public string ResourceType => ResourceTypes.Group;

    public async Task SyncAsync(SyncContext context, CancellationToken ct)
    {
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
                return async token =>
                {
                    if (group.Stats?.UsersCount == 0) return (id, new List<string>(), null);
                    if (await UnchangedMembersAsync(context, group, token).ConfigureAwait(false) is { } carried) return (id, null, carried);
                    var members = await context.TryListIdsAsync($"/api/v1/groups/{SyncContext.Escape(group.Id)}/users?limit={MembersPage}", id,
                        $"the members of group '{group.Profile.Name}' ({group.Id})", token).ConfigureAwait(false);
                    return (id, members, null);
                };
            },
            result =>
            {
                if (result.Carried is not null)
                {
                    result.Carried.WriteTo(context.Refresh!.Previous, context.Lane);
                    context.Refresh.Saved(RefreshState.Pages(result.Carried.Count, MembersPage));
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
            },
            ct).ConfigureAwait(false);
        context.KeptGroupIds = kept;
        // in id order, as the groups are in the file: the role grants of groups follow it
        candidates.Sort(StringComparer.Ordinal);
        context.AdminGroupCandidates = candidates;
    }

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
