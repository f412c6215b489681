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
    private List<string> _queryWarnings = new();

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

    /// <summary>
    /// Why the answer may be less than asked for: ids the file does not hold, groups whose members it lacks. Filled once
    /// an enumeration has started, before its first record.
    /// </summary>
    public IReadOnlyList<string> QueryWarnings => _queryWarnings;

    public IEnumerable<SyncResourceRecord> Resources()
    {
        _filter.Validate();
        var index = new QueryIndex();
        using var use = Use(index.Visitor());
        var filter = Resolve(index, use.File);
        using var reader = use.File.Read();
        foreach (var resource in reader.ReadResources())
        {
            if (filter.MatchesResource(resource.Id)) yield return new SyncResourceRecord(resource);
        }
    }

    public IEnumerable<SyncEntitlementRecord> Entitlements()
    {
        _filter.Validate();
        var index = new QueryIndex();
        using var use = Use(index.Visitor());
        var filter = Resolve(index, use.File);
        using var reader = use.File.Read();
        foreach (var entitlement in reader.ReadEntitlements())
        {
            if (!filter.MatchesEntitlement(entitlement.Id, entitlement.Resource, entitlement.Slug)) continue;
            yield return new SyncEntitlementRecord(entitlement, index.NameOf(entitlement.Resource));
        }
    }

    /// <summary>
    /// The grants that match the filter, one record per grant of the file. With <paramref name="expand"/>, one record per
    /// principal and entitlement instead: a user who holds an entitlement directly, through one or more groups (their
    /// grants expanded through the groups' members), or both, is one record saying so, with one GrantId.
    /// </summary>
    /// <remarks>
    /// A principal's own grants are listed where the file has them; the users who hold an entitlement only through groups
    /// are listed after the entitlement's last grant. Memory holds the resource index, the members of the groups being
    /// expanded and the users listed for the entitlements whose grants are being read — not the file's grants.
    /// </remarks>
    public IEnumerable<SyncGrantRecord> Grants(bool expand = false)
    {
        _filter.Validate();
        var index = new QueryIndex();
        var expansion = new HoldingExpansion();
        long seen = 0;
        SyncQueryFilter? filter = null;
        using var use = Use(index.Visitor(!expand ? null : grant =>
        {
            // the filter's principals are resolved only after this pass, so every expandable grant is noted here
            if (MatchesEntitlement(_filter, grant)) expansion.Note(grant, seen);
            seen++;
        }));
        filter = Resolve(index, use.File);
        if (expand)
        {
            foreach (var (entitlementId, groupId) in expansion.GroupsWithoutMembers(index))
            {
                var group = new ResourceId(ResourceTypes.Group, groupId);
                _queryWarnings.Add($"Group '{index.NameOf(group) ?? groupId}' ({groupId}) holds {entitlementId}, but the file does not have its members "
                    + "(groups were not synced): the users who hold it through that group are not listed.");
            }
            if (expansion.NeedsMembers)
            {
                using var reader = use.File.Read();
                foreach (var grant in reader.ReadGrants()) expansion.NoteMember(grant, filter.MatchesPrincipal);
            }
        }

        using (var reader = use.File.Read())
        {
            long ordinal = -1;
            foreach (var grant in reader.ReadGrants())
            {
                ordinal++;
                if (!MatchesEntitlement(filter, grant)) continue;
                var (resource, slug) = EntitlementIds.Parse(grant.EntitlementId);
                var resourceName = index.NameOf(resource);
                if (filter.MatchesPrincipal(grant.Principal))
                {
                    var groups = expand && grant.Principal.ResourceType == ResourceTypes.User
                        ? expansion.GroupsOf(grant.EntitlementId, grant.Principal.Resource)
                        : new List<GroupGrant>();
                    if (expand) expansion.Listed(grant.EntitlementId, grant.Principal.Resource);
                    yield return Own(grant, resource, resourceName, slug, groups, index);
                }
                if (!expand) continue;
                foreach (var (userId, groups) in expansion.MembersAfter(grant.EntitlementId, ordinal))
                {
                    var reach = GrantReach.For(resource, index);
                    foreach (var group in groups) reach.Add(group.Scope);
                    var user = new ResourceId(ResourceTypes.User, userId);
                    yield return new SyncGrantRecord(grant.EntitlementId, resource, resourceName, slug, user, index.Find(user), direct: false,
                        Named(groups.ConvertAll(g => g.GroupId), index), throughUnknownGroup: false, reach);
                }
            }
        }
    }

    /// <summary>
    /// The record of a principal's own grant: direct unless the file marks it inherited (held through groups it cannot
    /// show), with the file's groups it also comes through (-Expand) and what the grants reach.
    /// </summary>
    private static SyncGrantRecord Own(Grant grant, ResourceId resource, string? resourceName, string slug, List<GroupGrant> groups, QueryIndex index)
    {
        var reach = GrantReach.For(resource, index);
        if (!grant.IsInherited) reach.Add(grant.Scope);
        var groupIds = groups.ConvertAll(g => g.GroupId);
        foreach (var group in groups) reach.Add(group.Scope);
        foreach (var known in grant.InheritedThrough ?? Array.Empty<string>())
        {
            if (!groupIds.Contains(known)) groupIds.Add(known);
        }
        return new SyncGrantRecord(grant.EntitlementId, resource, resourceName, slug, grant.Principal, index.Find(grant.Principal), !grant.IsInherited,
            Named(groupIds, index), throughUnknownGroup: grant.IsInherited, reach);
    }

    private static List<(string Id, string? Name)> Named(List<string> groupIds, QueryIndex index) =>
        groupIds.ConvertAll(id => (id, index.NameOf(new ResourceId(ResourceTypes.Group, id))));

    /// <summary>The filter with principals named by login or e-mail resolved, after warning about ids the file lacks.</summary>
    private SyncQueryFilter Resolve(QueryIndex index, SyncFileHandle file)
    {
        _queryWarnings = new List<string>();
        return _filter.Resolve(index, _queryWarnings, "the sync file '" + System.IO.Path.GetFileName(file.Path) + "'");
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

    private static bool MatchesEntitlement(SyncQueryFilter filter, Grant grant)
    {
        var (resource, slug) = EntitlementIds.Parse(grant.EntitlementId);
        return filter.MatchesEntitlement(grant.EntitlementId, resource, slug);
    }

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
