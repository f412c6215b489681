using System;
using System.Collections.Generic;
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

    /// <summary>Users and groups the log says were deleted.</summary>
    public HashSet<ResourceId> Gone { get; } = new();

    /// <summary>Groups whose members may differ.</summary>
    public HashSet<string> GroupMembers { get; } = new(StringComparer.Ordinal);

    /// <summary>A user appeared, went, or changed to or from DEPROVISIONED: the built-in groups' members may differ.</summary>
    public bool BuiltInGroupMembers { get; private set; }

    /// <summary>Apps whose assignments may differ.</summary>
    public HashSet<string> AppAssignments { get; } = new(StringComparer.Ordinal);

    /// <summary>Users and groups whose admin roles may differ.</summary>
    public HashSet<ResourceId> Privileges { get; } = new();

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
        if (what.HasFlag(ChangeEffect.ActorIsTarget) && actorType == "User" && !string.IsNullOrEmpty(actorId)) Touch(what, actorId!, "User");
        foreach (var (id, type) in targets)
        {
            if (!string.IsNullOrEmpty(id)) Touch(what, id, type);
        }
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
                break;
        }
    }
}
