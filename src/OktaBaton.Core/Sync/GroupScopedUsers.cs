using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta;

namespace OktaBaton.Core.Sync;

/// <summary>
/// The rule for access Okta reports as held through a group (app users with scope GROUP). Such a user is shown by
/// the file when one of the app's assigned groups is in the file with its members: the group's grant, expanded
/// through its membership, says it. Otherwise — the group was filtered out (-SkipAppGroups, -GroupNameFilter, groups
/// not synced), or its members could not be read — the access is written as an inherited grant to the user, naming the
/// group it comes through when that is known, so nothing Okta reports is lost.
/// </summary>
internal static class GroupScopedUsers
{
    /// <summary>
    /// The group-scoped users the file's groups do not show. When some assigned group does not explain its members,
    /// the members of those that do are read (ids only) to tell who is shown; nothing extra is read otherwise.
    /// </summary>
    public static async Task<List<InheritedUser>> UnexplainedAsync(SyncContext context, List<AppUserRef> throughGroups,
        IReadOnlyList<string>? assignedGroupIds, CancellationToken ct)
    {
        var result = new List<InheritedUser>();
        if (throughGroups.Count == 0) return result;
        var assigned = assignedGroupIds ?? new List<string>();
        var explaining = assigned.Where(context.GroupShowsMembers).ToList();
        if (assignedGroupIds is not null && explaining.Count == assigned.Count) return result;

        var shown = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var groupId in explaining.ToList())
        {
            try
            {
                await foreach (var page in context.Client.ListIdPagesAsync($"/api/v1/groups/{SyncContext.Escape(groupId)}/users?limit=1000", ct).ConfigureAwait(false))
                {
                    shown.UnionWith(page);
                }
            }
            catch (OktaApiException ex) when (ex.IsPermissionDenied)
            {
                explaining.Remove(groupId);
            }
        }
        var hidden = assigned.Except(explaining).ToList();
        foreach (var user in throughGroups)
        {
            if (shown.Contains(user.Id)) continue;
            IReadOnlyList<string> through = user.GroupHint is { } hint && hidden.Contains(hint) ? new[] { hint }
                : hidden.Count == 1 ? new[] { hidden[0] }
                : System.Array.Empty<string>();
            result.Add(new InheritedUser(user.Id, through));
        }
        return result;
    }

    public static void Write(SyncContext context, string entitlementId, IEnumerable<InheritedUser> users)
    {
        foreach (var user in users)
        {
            context.WriteGrant(entitlementId, new ResourceId(ResourceTypes.User, user.UserId), inheritedThrough: user.ThroughGroupIds);
        }
    }
}

/// <summary>A user holding access through groups the file cannot show, with the ids of those known.</summary>
internal sealed class InheritedUser
{
    public InheritedUser(string userId, IReadOnlyList<string> throughGroupIds)
    {
        UserId = userId;
        ThroughGroupIds = throughGroupIds;
    }

    public string UserId { get; }

    public IReadOnlyList<string> ThroughGroupIds { get; }
}
