using System;
using System.Collections.Generic;

namespace OktaBaton.Core.Model;

/// <summary>A principal holding an entitlement: group:00g1:member:user:00u1.</summary>
public sealed class Grant
{
    public Grant(string entitlementId, ResourceId principal, IReadOnlyList<string>? expandable = null, GrantScope? scope = null,
        IReadOnlyList<string>? inheritedThrough = null)
    {
        EntitlementId = entitlementId;
        Principal = principal;
        Expandable = expandable ?? Array.Empty<string>();
        Scope = scope is { IsEmpty: false } ? scope : null;
        InheritedThrough = inheritedThrough;
        Id = entitlementId + ":" + principal;
    }

    public string Id { get; }

    public string EntitlementId { get; }

    public ResourceId Principal { get; }

    /// <summary>
    /// Entitlements whose holders inherit this grant, e.g. ["group:00g1:member"] on a role granted to group 00g1.
    /// Empty when nothing is inherited.
    /// </summary>
    public IReadOnlyList<string> Expandable { get; }

    /// <summary>What an admin-role grant is limited to; null when it applies org-wide or is not a role.</summary>
    public GrantScope? Scope { get; }

    /// <summary>
    /// Null for access held directly. For access Okta reports as held through group membership that the file's group
    /// grants cannot show (the group was filtered out, or its members could not be read): the ids of the groups it is
    /// known to come through, possibly none.
    /// </summary>
    public IReadOnlyList<string>? InheritedThrough { get; }

    public bool IsInherited => InheritedThrough is not null;

    /// <summary>The resource this grant's entitlement belongs to (parsed from the entitlement id).</summary>
    public ResourceId Resource => EntitlementIds.Parse(EntitlementId).Resource;

    public string Slug => EntitlementIds.Parse(EntitlementId).Slug;
}
