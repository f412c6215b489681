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
        await OrderedWork<(ResourceId Group, List<string>? Members, GrantBlock? Carried)>.RunAsync(
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
                    if (UnchangedMembers(context, group) is { } carried) return (id, null, carried);
                    var members = await context.TryListIdsAsync($"/api/v1/groups/{SyncContext.Escape(group.Id)}/users?limit={MembersPage}", id,
                        $"the members of group '{group.Profile.Name}' ({group.Id})", token).ConfigureAwait(false);
                    return (id, members, null);
                };
            },
            result =>
            {
                if (result.Carried is not null)
                {
                    context.Refresh!.Previous.CarryGrants(result.Carried, context.Lane);
                    context.Refresh.Saved(RefreshState.Pages(result.Carried.Count, MembersPage));
                }
                else if (result.Members is not null)
                {
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
        context.AdminGroupCandidates = candidates;
    }

    /// <summary>
    /// For a refresh: the earlier file's members of <paramref name="group"/>, when nothing says they may have changed —
    /// no membership event in the log, Okta's lastMembershipUpdated before the window, the same number as Okta's
    /// stats count, no member that is gone, and (for Everyone and other built-in groups, whose members Okta moves without
    /// a membership event) no user that appeared, went or changed to or from DEPROVISIONED. Null: fetch them.
    /// </summary>
    private static GrantBlock? UnchangedMembers(SyncContext context, OktaGroup group)
    {
        var refresh = context.Refresh;
        if (refresh is null) return null;
        var changes = refresh.Changes;
        if (changes.GroupMembers.Contains(group.Id)) return null;
        if (group.LastMembershipUpdated is not { } moved || moved >= changes.Since) return null;
        if (changes.BuiltInGroupMembers && !string.Equals(group.Type, "OKTA_GROUP", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(group.Type, "APP_GROUP", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var block = refresh.Previous.GrantsOf(EntitlementIds.Create(new ResourceId(ResourceTypes.Group, group.Id), EntitlementSlugs.Member));
        if (block is null || !block.CanCarry) return null;
        if (group.Stats?.UsersCount is not int count || count != block.Count) return null;
        return block;
    }

    /// <summary>The ids of the kept groups whose roles must be read, for a sync that does not write groups.</summary>
    public static async Task<List<string>> ListAdminCandidatesAsync(SyncContext context, CancellationToken ct)
    {
        var candidates = new List<string>();
        await foreach (var group in KeptGroupsAsync(context, ct).ConfigureAwait(false))
        {
            if (group.Stats is null || group.Stats.HoldsAdminPrivilege) candidates.Add(group.Id);
        }
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
