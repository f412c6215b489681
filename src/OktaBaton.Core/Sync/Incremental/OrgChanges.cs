using System;
using System.Collections.Generic;
using System.Linq;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.Sync.Incremental;

/// <summary>What the System Log says may have changed since the earlier sync: what a refresh must read again.</summary>
internal sealed class OrgChanges
{
    public OrgChanges(DateTimeOffset since) => Since = since;

    /// <summary>The start of the window the log was read for, by the org's clock.</summary>
    public DateTimeOffset Since { get; }

    public long Events { get; private set; }

    /// <summary>Users whose resource may differ (profile, status, lastLogin).</summary>
    public HashSet<string> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>Users, groups and apps the log says were deleted.</summary>
    public HashSet<ResourceId> Gone { get; } = new();

    /// <summary>Groups whose members may differ.</summary>
    public HashSet<string> GroupMembers { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Every group any event names: its resource (name, user and app counts, admin privilege) is read again, also where
    /// Okta's lastUpdated does not move (an app assigned to it, a role granted to it).
    /// </summary>
    public HashSet<string> GroupsNamed { get; } = new(StringComparer.Ordinal);

    /// <summary>Groups whose members changed in ways the log does not spell out user by user: their members are read again.</summary>
    public HashSet<string> GroupsToRead { get; } = new(StringComparer.Ordinal);

    /// <summary>Group → user → whether the user's last membership event added (true) or removed (false) it.</summary>
    public Dictionary<string, SortedDictionary<string, bool>> MemberEvents { get; } = new(StringComparer.Ordinal);

    /// <summary>A user appeared, went, or changed to or from DEPROVISIONED: the built-in groups' members may differ.</summary>
    public bool BuiltInGroupMembers { get; private set; }

    /// <summary>The users those events name.</summary>
    public HashSet<string> BuiltInGroupUsers { get; } = new(StringComparer.Ordinal);

    /// <summary>Such an event named no single user: the built-in groups' members are read again.</summary>
    public bool BuiltInGroupUsersUnknown { get; private set; }

    /// <summary>Apps whose assignments may differ.</summary>
    public HashSet<string> AppAssignments { get; } = new(StringComparer.Ordinal);

    /// <summary>Apps whose assignments changed in ways the log does not spell out user by user: read again.</summary>
    public HashSet<string> AppsToRead { get; } = new(StringComparer.Ordinal);

    /// <summary>App → user → whether the user's last assignment event removed it (true) or changed it some other way.</summary>
    public Dictionary<string, SortedDictionary<string, bool>> AppUserEvents { get; } = new(StringComparer.Ordinal);

    /// <summary>Users and groups whose admin roles may differ.</summary>
    public HashSet<ResourceId> Privileges { get; } = new();

    /// <summary>
    /// An app was deleted: a group's app count (in its resource) may differ with no event naming the group, so every
    /// group is read again.
    /// </summary>
    public bool AnyGroupResource { get; private set; }

    /// <summary>Any user's or group's admin roles may differ.</summary>
    public bool AnyPrivileges { get; private set; }

    /// <summary>The first event type the catalogue does not understand, if any: the refresh cannot go on.</summary>
    public string? NotUnderstood { get; private set; }

    public void Add(string eventType, string? actorId, string? actorType, IEnumerable<(string Id, string Type)> targets)
    {
        Events++;
        var effect = ChangeCatalog.EffectOf(eventType);
        if (effect is null)
        {
            NotUnderstood ??= eventType;
            return;
        }
        var what = effect.Value;
        if (what.HasFlag(ChangeEffect.BuiltInGroupMembers)) BuiltInGroupMembers = true;
        if (what.HasFlag(ChangeEffect.AnyPrivileges)) AnyPrivileges = true;
        if (what.HasFlag(ChangeEffect.AppGone)) AnyGroupResource = true;
        var named = targets.Where(t => !string.IsNullOrEmpty(t.Id)).ToList();
        if (what.HasFlag(ChangeEffect.ActorIsTarget) && actorType == "User" && !string.IsNullOrEmpty(actorId)) Touch(what, actorId!, "User");
        foreach (var (id, type) in named) Touch(what, id, type);
        foreach (var (id, _) in named.Where(t => t.Type == "UserGroup")) GroupsNamed.Add(id);

        // which user the event is about, when it names exactly one
        var users = named.Where(t => t.Type is "User" or "AppUser").Select(t => t.Id).Distinct(StringComparer.Ordinal).ToList();
        var user = users.Count == 1 ? users[0] : null;
        var removed = what.HasFlag(ChangeEffect.Removed);
        if (what.HasFlag(ChangeEffect.BuiltInGroupMembers))
        {
            if (user is null) BuiltInGroupUsersUnknown = true;
            else BuiltInGroupUsers.Add(user);
        }
        if (what.HasFlag(ChangeEffect.GroupMembers))
        {
            foreach (var (group, _) in named.Where(t => t.Type == "UserGroup"))
            {
                if (what.HasFlag(ChangeEffect.OneMember) && user is not null) Last(MemberEvents, group)[user] = !removed;
                else GroupsToRead.Add(group);
            }
        }
        if (what.HasFlag(ChangeEffect.AppAssignments))
        {
            foreach (var (app, _) in named.Where(t => t.Type == "AppInstance"))
            {
                if (what.HasFlag(ChangeEffect.OneAppUser) && user is not null) Last(AppUserEvents, app)[user] = removed;
                else AppsToRead.Add(app);
            }
        }
    }

    private static SortedDictionary<string, bool> Last(Dictionary<string, SortedDictionary<string, bool>> byEntity, string id)
    {
        if (!byEntity.TryGetValue(id, out var users)) byEntity[id] = users = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        return users;
    }

    private void Touch(ChangeEffect what, string id, string type)
    {
        switch (type)
        {
            // an app user's id is its user's id
            case "User" or "AppUser":
                if (what.HasFlag(ChangeEffect.UserResource)) Users.Add(id);
                if (what.HasFlag(ChangeEffect.UserGone) && type == "User") Gone.Add(new ResourceId(ResourceTypes.User, id));
                if (what.HasFlag(ChangeEffect.Privileges) && type == "User") Privileges.Add(new ResourceId(ResourceTypes.User, id));
                break;
            case "UserGroup":
                if (what.HasFlag(ChangeEffect.GroupMembers)) GroupMembers.Add(id);
                if (what.HasFlag(ChangeEffect.GroupGone)) Gone.Add(new ResourceId(ResourceTypes.Group, id));
                if (what.HasFlag(ChangeEffect.Privileges)) Privileges.Add(new ResourceId(ResourceTypes.Group, id));
                break;
            case "AppInstance":
                if (what.HasFlag(ChangeEffect.AppAssignments)) AppAssignments.Add(id);
                // a role grant whose targets name it is not carried (the earlier file's scan looks for gone ids)
                if (what.HasFlag(ChangeEffect.AppGone)) Gone.Add(new ResourceId(ResourceTypes.App, id));
                break;
        }
    }
}
