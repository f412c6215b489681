using System;
using System.Collections.Generic;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// Offline queries of a sync file, streaming: grants are never all in memory. Names are resolved through an
/// index of resources (one small entry per resource); -Expand also holds the members of the groups whose
/// grants are expanded.
/// </summary>
public sealed class SyncFileQuery
{
    private readonly string _path;
    private readonly SyncQueryFilter _filter;
    private List<SyncWarning> _fileWarnings = new();

    public SyncFileQuery(string path, SyncQueryFilter? filter = null)
    {
        _path = path ?? throw new ArgumentNullException(nameof(path));
        _filter = filter ?? new SyncQueryFilter();
    }

    /// <summary>What the sync could not read, from the file; filled once <see cref="Grants"/> has been enumerated.</summary>
    public IReadOnlyList<SyncWarning> FileWarnings => _fileWarnings;

    public IEnumerable<SyncResourceRecord> Resources()
    {
        using var reader = SyncFileReader.Open(_path);
        foreach (var resource in reader.ReadResources())
        {
            if (_filter.MatchesResource(resource.Id)) yield return new SyncResourceRecord(resource);
        }
    }

    public IEnumerable<SyncEntitlementRecord> Entitlements()
    {
        using var reader = SyncFileReader.Open(_path);
        var names = new Dictionary<ResourceId, string>();
        foreach (var resource in reader.ReadResources()) names[resource.Id] = resource.DisplayName;
        foreach (var entitlement in reader.ReadEntitlements())
        {
            if (!_filter.MatchesEntitlement(entitlement.Id, entitlement.Resource, entitlement.Slug)) continue;
            yield return new SyncEntitlementRecord(entitlement, names.TryGetValue(entitlement.Resource, out var name) ? name : null);
        }
    }

    /// <summary>
    /// The grants that match the filter. With <paramref name="expand"/>, each grant to a group that its members
    /// inherit is followed by one record per member, whose Via names the group grant.
    /// </summary>
    public IEnumerable<SyncGrantRecord> Grants(bool expand = false)
    {
        var index = new Dictionary<ResourceId, PrincipalInfo>();
        var expansions = new Dictionary<string, List<ResourceId>>(StringComparer.Ordinal);
        using (var reader = SyncFileReader.Open(_path))
        {
            foreach (var resource in reader.ReadResources())
            {
                var user = resource.Trait("user");
                index[resource.Id] = new PrincipalInfo(resource.DisplayName, user?.GetString("login"), resource.Profile.GetString("email"));
            }
            if (expand)
            {
                foreach (var grant in reader.ReadGrants())
                {
                    if (grant.Expandable.Count == 0 || !Matches(grant)) continue;
                    foreach (var through in grant.Expandable) expansions[through] = new List<ResourceId>();
                }
            }
        }
        if (expansions.Count > 0)
        {
            using var reader = SyncFileReader.Open(_path);
            foreach (var grant in reader.ReadGrants())
            {
                if (expansions.TryGetValue(grant.EntitlementId, out var members)) members.Add(grant.Principal);
            }
        }

        using (var reader = SyncFileReader.Open(_path))
        {
            foreach (var grant in reader.ReadGrants())
            {
                if (!Matches(grant)) continue;
                var (resource, slug) = EntitlementIds.Parse(grant.EntitlementId);
                var resourceName = index.TryGetValue(resource, out var info) ? info.Name : null;
                if (_filter.MatchesPrincipal(grant.Principal))
                {
                    yield return Record(grant.Id, grant.EntitlementId, resource, resourceName, slug, grant.Principal, index, null);
                }
                if (!expand) continue;
                foreach (var through in grant.Expandable)
                {
                    if (!expansions.TryGetValue(through, out var members)) continue;
                    foreach (var member in members)
                    {
                        if (!_filter.MatchesPrincipal(member)) continue;
                        yield return Record(grant.EntitlementId + ":" + member, grant.EntitlementId, resource, resourceName, slug, member, index, grant.Id);
                    }
                }
            }
            _fileWarnings = new List<SyncWarning>(reader.ReadTrailer().Warnings);
        }
    }

    private bool Matches(Grant grant)
    {
        var (resource, slug) = EntitlementIds.Parse(grant.EntitlementId);
        return _filter.MatchesEntitlement(grant.EntitlementId, resource, slug);
    }

    private static SyncGrantRecord Record(string grantId, string entitlementId, ResourceId resource, string? resourceName, string slug,
        ResourceId principal, Dictionary<ResourceId, PrincipalInfo> index, string? via) =>
        new(grantId, entitlementId, resource.ResourceType, resource.Resource, resourceName, slug, principal.ResourceType, principal.Resource,
            index.TryGetValue(principal, out var info) ? info : null, via);
}
