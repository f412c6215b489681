using System;
using System.Collections.Generic;
using System.Threading;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// Offline queries of a sync file, streaming: grants are never all in memory. Names are resolved through an
/// index of resources (one small entry per resource); -Expand also holds the members of the groups whose
/// grants are expanded. Each enumeration reads one file, validated whole before its first record (<see cref="SyncFileHandle"/>).
/// </summary>
public sealed class SyncFileQuery
{
    private readonly string? _path;
    private readonly SyncFileHandle? _file;
    private readonly SyncQueryFilter _filter;
    private List<SyncWarning> _fileWarnings = new();

    /// <summary>A query of the file at <paramref name="path"/>: each enumeration opens and validates it once, before its first record.</summary>
    public SyncFileQuery(string path, SyncQueryFilter? filter = null)
    {
        _path = path ?? throw new ArgumentNullException(nameof(path));
        _filter = filter ?? new SyncQueryFilter();
    }

    /// <summary>A query of a sync file the caller opened (and disposes): every enumeration reads that same file.</summary>
    public SyncFileQuery(SyncFileHandle file, SyncQueryFilter? filter = null)
    {
        _file = file ?? throw new ArgumentNullException(nameof(file));
        _filter = filter ?? new SyncQueryFilter();
    }

    /// <summary>Stops opening and validating the file between items (Ctrl+C on a big file).</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>What the sync could not read, from the file; filled once an enumeration has started.</summary>
    public IReadOnlyList<SyncWarning> FileWarnings => _fileWarnings;

    public IEnumerable<SyncResourceRecord> Resources()
    {
        using var use = Use(null);
        using var reader = use.File.Read();
        foreach (var resource in reader.ReadResources())
        {
            if (_filter.MatchesResource(resource.Id)) yield return new SyncResourceRecord(resource);
        }
    }

    public IEnumerable<SyncEntitlementRecord> Entitlements()
    {
        var names = new Dictionary<ResourceId, string>();
        using var use = Use(new SyncFileVisitor { Resource = resource => names[resource.Id] = resource.DisplayName });
        using var reader = use.File.Read();
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
        var visitor = new SyncFileVisitor
        {
            Resource = resource =>
            {
                var user = resource.Trait("user");
                index[resource.Id] = new PrincipalInfo(resource.DisplayName, user?.GetString("login"), resource.Profile.GetString("email"));
            },
            Grant = !expand ? null : grant =>
            {
                if (grant.Expandable.Count == 0 || !Matches(grant)) return;
                foreach (var through in grant.Expandable) expansions[through] = new List<ResourceId>();
            },
        };
        using var use = Use(visitor);
        if (expansions.Count > 0)
        {
            using var reader = use.File.Read();
            foreach (var grant in reader.ReadGrants())
            {
                if (expansions.TryGetValue(grant.EntitlementId, out var members)) members.Add(grant.Principal);
            }
        }

        using (var reader = use.File.Read())
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
        }
    }

    /// <summary>
    /// The file this enumeration reads, validated, with <paramref name="visitor"/> having seen every item: opened now
    /// (and closed with the enumeration) or the caller's, read once more for the visitor.
    /// </summary>
    private FileUse Use(SyncFileVisitor? visitor)
    {
        FileUse use;
        if (_file is null)
        {
            use = new FileUse(SyncFileHandle.Open(_path!, visitor, CancellationToken), owned: true);
        }
        else
        {
            use = new FileUse(_file, owned: false);
            if (visitor is not null) Visit(_file, visitor);
        }
        _fileWarnings = new List<SyncWarning>(use.File.Trailer.Warnings);
        return use;
    }

    private static void Visit(SyncFileHandle file, SyncFileVisitor visitor)
    {
        using var reader = file.Read();
        foreach (var resource in reader.ReadResources()) visitor.Resource?.Invoke(resource);
        foreach (var entitlement in reader.ReadEntitlements()) visitor.Entitlement?.Invoke(entitlement);
        if (visitor.Grant is null) return;
        foreach (var grant in reader.ReadGrants()) visitor.Grant(grant);
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

    private readonly struct FileUse : IDisposable
    {
        private readonly bool _owned;

        public FileUse(SyncFileHandle file, bool owned)
        {
            File = file;
            _owned = owned;
        }

        public SyncFileHandle File { get; }

        public void Dispose()
        {
            if (_owned) File.Dispose();
        }
    }
}
