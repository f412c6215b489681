using System;
using System.Collections.Generic;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// The bookkeeping of -Expand: for each entitlement held by groups whose members inherit it, those group grants, the
/// members of the groups (only the principals the filter asks for, in file order), where the entitlement's last grant
/// is, and which users its own grants already listed. Memory: the members of the groups being expanded, and the users
/// holding an entitlement themselves while its grants are being read — never the whole file's grants.
/// </summary>
internal sealed class HoldingExpansion
{
    private readonly Dictionary<string, List<GroupGrant>> _groupGrants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _last = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Members> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _listed = new(StringComparer.Ordinal);

    /// <summary>First pass: a grant the query matches, at position <paramref name="ordinal"/> of the grants section.</summary>
    public void Note(Grant grant, long ordinal)
    {
        _last[grant.EntitlementId] = ordinal;
        foreach (var memberEntitlement in grant.Expandable)
        {
            if (!_groupGrants.TryGetValue(grant.EntitlementId, out var list)) _groupGrants[grant.EntitlementId] = list = new List<GroupGrant>();
            list.Add(new GroupGrant(grant.Principal.Resource, memberEntitlement, grant.Scope));
            _members[memberEntitlement] = new Members();
        }
    }

    public bool NeedsMembers => _members.Count > 0;

    /// <summary>Second pass: a grant of a member entitlement being expanded, kept when <paramref name="wanted"/>.</summary>
    public void NoteMember(Grant grant, Func<ResourceId, bool> wanted)
    {
        if (grant.Principal.ResourceType == ResourceTypes.User && _members.TryGetValue(grant.EntitlementId, out var members) && wanted(grant.Principal))
        {
            members.Add(grant.Principal.Resource);
        }
    }

    /// <summary>The groups whose member entitlement the file lacks: their holders through them cannot be listed.</summary>
    public IEnumerable<(string EntitlementId, string GroupId)> GroupsWithoutMembers(QueryIndex index)
    {
        foreach (var pair in _groupGrants)
        {
            foreach (var group in pair.Value)
            {
                if (!index.HasEntitlement(group.MemberEntitlement)) yield return (pair.Key, group.GroupId);
            }
        }
    }

    public bool IsExpanded(string entitlementId) => _groupGrants.ContainsKey(entitlementId);

    /// <summary>The group grants of <paramref name="entitlementId"/> that <paramref name="userId"/> is a member of, in file order.</summary>
    public List<GroupGrant> GroupsOf(string entitlementId, string userId)
    {
        var found = new List<GroupGrant>();
        if (!_groupGrants.TryGetValue(entitlementId, out var groups)) return found;
        foreach (var group in groups)
        {
            if (_members[group.MemberEntitlement].Contains(userId)) found.Add(group);
        }
        return found;
    }

    /// <summary>A user listed from its own grant of <paramref name="entitlementId"/>: its members' rows will not list it again.</summary>
    public void Listed(string entitlementId, string userId)
    {
        if (!_groupGrants.ContainsKey(entitlementId)) return;
        if (!_listed.TryGetValue(entitlementId, out var listed)) _listed[entitlementId] = listed = new HashSet<string>(StringComparer.Ordinal);
        listed.Add(userId);
    }

    /// <summary>
    /// After the grant at <paramref name="ordinal"/>: when it was its entitlement's last, every member of its groups not
    /// listed yet, once, in group then member order, with the groups it holds the entitlement through.
    /// </summary>
    public IEnumerable<(string UserId, List<GroupGrant> Groups)> MembersAfter(string entitlementId, long ordinal)
    {
        if (!_groupGrants.TryGetValue(entitlementId, out var groups) || _last[entitlementId] != ordinal) yield break;
        _listed.TryGetValue(entitlementId, out var listed);
        for (var i = 0; i < groups.Count; i++)
        {
            foreach (var userId in _members[groups[i].MemberEntitlement].InOrder)
            {
                if (listed?.Contains(userId) == true) continue;
                var earlier = false;
                for (var j = 0; j < i && !earlier; j++) earlier = _members[groups[j].MemberEntitlement].Contains(userId);
                if (!earlier) yield return (userId, GroupsOf(entitlementId, userId));
            }
        }
        _listed.Remove(entitlementId);
    }

    private sealed class Members
    {
        private readonly HashSet<string> _set = new(StringComparer.Ordinal);

        public List<string> InOrder { get; } = new();

        public void Add(string id)
        {
            if (_set.Add(id)) InOrder.Add(id);
        }

        public bool Contains(string id) => _set.Contains(id);
    }
}

/// <summary>A group's grant of an entitlement its members inherit.</summary>
internal sealed class GroupGrant
{
    public GroupGrant(string groupId, string memberEntitlement, GrantScope? scope)
    {
        GroupId = groupId;
        MemberEntitlement = memberEntitlement;
        Scope = scope;
    }

    public string GroupId { get; }

    public string MemberEntitlement { get; }

    public GrantScope? Scope { get; }
}
