using System;
using System.Collections.Generic;

namespace OktaBaton.Core.Model;

/// <summary>A principal holding an entitlement: group:00g1:member:user:00u1.</summary>
public sealed class Grant
{
    public Grant(string entitlementId, ResourceId principal, IReadOnlyList<string>? expandable = null)
    {
        EntitlementId = entitlementId;
        Principal = principal;
        Expandable = expandable ?? Array.Empty<string>();
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

    /// <summary>The resource this grant's entitlement belongs to (parsed from the entitlement id).</summary>
    public ResourceId Resource => EntitlementIds.Parse(EntitlementId).Resource;

    public string Slug => EntitlementIds.Parse(EntitlementId).Slug;
}
