using System.Collections.Generic;
using System.Linq;

namespace OktaBaton.Core.Provisioning;

/// <summary>How a principal holds an entitlement right now: a direct assignment, and the groups it also comes through.</summary>
internal sealed class Holding
{
    public static readonly Holding None = new(false, null, new List<GroupRef>());

    public Holding(bool direct, string? directId, IReadOnlyList<GroupRef> throughGroups, bool throughUnnamedGroup = false)
    {
        Direct = direct;
        DirectId = directId;
        ThroughGroups = throughGroups;
        ThroughUnnamedGroup = throughUnnamedGroup && throughGroups.Count == 0;
    }

    /// <summary>Assigned to the principal itself.</summary>
    public bool Direct { get; }

    /// <summary>The Okta id of the direct assignment when it has one (a role assignment id, a binding member id).</summary>
    public string? DirectId { get; }

    /// <summary>The groups the principal also holds it through (a group's role, app assignment or binding).</summary>
    public IReadOnlyList<GroupRef> ThroughGroups { get; }

    /// <summary>Okta says it is held through a group, but which one could not be found.</summary>
    public bool ThroughUnnamedGroup { get; }

    public bool ThroughAnyGroup => ThroughGroups.Count > 0 || ThroughUnnamedGroup;

    public bool Nothing => !Direct && !ThroughAnyGroup;

    /// <summary>"group 'Okta Admins' (00g1)", "groups 'A' (00g1) and 'B' (00g2)", or "a group".</summary>
    public string DescribeGroups()
    {
        if (ThroughGroups.Count == 0) return "a group";
        var names = ThroughGroups.Select(g => g.Describe()).ToList();
        return (names.Count == 1 ? "group " : "groups ") + (names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1]);
    }
}

/// <summary>A group by id and name.</summary>
internal sealed class GroupRef
{
    public GroupRef(string id, string? name)
    {
        Id = id;
        Name = string.IsNullOrEmpty(name) ? id : name!;
    }

    public string Id { get; }

    public string Name { get; }

    public string Describe() => PrincipalReference.Quote(Name) + " (" + Id + ")";
}
