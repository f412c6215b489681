using System;
using System.Collections.Generic;
using System.Linq;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// Filters of an offline query. Every list that is set must match (any of its values); an empty list matches all.
/// Types and slugs compare case-insensitively, ids exactly. A resource id may be given bare ("00u1") or typed ("user:00u1").
/// </summary>
public sealed class SyncQueryFilter
{
    public IList<string> ResourceTypes { get; set; } = new List<string>();

    public IList<string> ResourceIds { get; set; } = new List<string>();

    public IList<string> PrincipalIds { get; set; } = new List<string>();

    public IList<string> EntitlementIds { get; set; } = new List<string>();

    public IList<string> Slugs { get; set; } = new List<string>();

    internal bool MatchesResource(ResourceId id) =>
        (ResourceTypes.Count == 0 || ResourceTypes.Any(t => string.Equals(t, id.ResourceType, StringComparison.OrdinalIgnoreCase)))
        && (ResourceIds.Count == 0 || ResourceIds.Any(r => MatchesId(r, id)));

    internal bool MatchesEntitlement(string entitlementId, ResourceId resource, string slug) =>
        MatchesResource(resource)
        && (EntitlementIds.Count == 0 || EntitlementIds.Any(e => string.Equals(e, entitlementId, StringComparison.Ordinal)))
        && (Slugs.Count == 0 || Slugs.Any(s => string.Equals(s, slug, StringComparison.OrdinalIgnoreCase)));

    internal bool MatchesPrincipal(ResourceId principal) => PrincipalIds.Count == 0 || PrincipalIds.Any(p => MatchesId(p, principal));

    private static bool MatchesId(string wanted, ResourceId id) =>
        string.Equals(wanted, id.Resource, StringComparison.Ordinal) || string.Equals(wanted, id.ToString(), StringComparison.Ordinal);
}
