using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// Access drift between two sync files: grants and resources added and removed, and resources whose status
/// changed, from a reference (older) file to a difference (newer) file. Streams both files: memory holds the ids
/// of one file (grant ids, or resource ids with their status), never whole objects of both.
/// </summary>
/// <remarks>
/// Output order is deterministic: resource changes (when asked for) come first, then grants; within each, what
/// the newer file added or changed in its own order, then what the older file lost in its own order. Each file is
/// opened once and every pass reads that same file, so a sync renaming a new file into place mid-comparison
/// cannot mix two syncs into one answer.
/// </remarks>
public sealed class SyncFileComparison : IDisposable
{
    private readonly string _referencePath;
    private readonly string _differencePath;
    private readonly SyncQueryFilter _filter;
    private List<string>? _warnings;
    private SyncFileHandle? _reference;
    private SyncQueryFilter? _resourceFilter;
    private SyncFileHandle? _difference;

    public SyncFileComparison(string referencePath, string differencePath, SyncQueryFilter? filter = null)
    {
        _referencePath = referencePath ?? throw new ArgumentNullException(nameof(referencePath));
        _differencePath = differencePath ?? throw new ArgumentNullException(nameof(differencePath));
        _filter = filter ?? new SyncQueryFilter();
    }

    /// <summary>Stops opening and validating the files between items (Ctrl+C on a big file).</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>
    /// Opens and validates both files whole before anything is reported, so a malformed or truncated file fails here
    /// (<see cref="SyncFileFormatException"/>, <see cref="FileNotFoundException"/>) rather than after part of
    /// the drift was written. Returns why the comparison may mislead: incomplete syncs, different orgs, different
    /// sync options.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        if (_warnings is not null) return _warnings;
        _filter.Validate();
        var referenceIndex = new QueryIndex();
        var differenceIndex = new QueryIndex();
        _reference ??= SyncFileHandle.Open(_referencePath, referenceIndex.Visitor(), cancellationToken: CancellationToken);
        _difference ??= SyncFileHandle.Open(_differencePath, differenceIndex.Visitor(), cancellationToken: CancellationToken);
        var (referenceHeader, referenceTrailer) = (_reference.Header, _reference.Trailer);
        var (differenceHeader, differenceTrailer) = (_difference.Header, _difference.Trailer);
        var warnings = new List<string>();
        if (!string.Equals(referenceHeader.Domain, differenceHeader.Domain, StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add($"The files are syncs of different orgs ('{referenceHeader.Domain}' and '{differenceHeader.Domain}'): everything differs.");
        }
        var changedOptions = ChangedOptions(referenceHeader.Options, differenceHeader.Options);
        if (changedOptions.Count > 0)
        {
            warnings.Add("The files were synced with different options (" + string.Join(", ", changedOptions)
                + "): some drift may come from the options rather than the org.");
        }
        // an id neither file holds would silently compare nothing
        var inReference = new List<string>();
        var resolvedReference = _filter.Resolve(referenceIndex, inReference, "either sync file");
        var inDifference = new List<string>();
        var resolvedDifference = _filter.Resolve(differenceIndex, inDifference, "either sync file");
        _resourceFilter = new SyncQueryFilter
        {
            ResourceTypes = _filter.ResourceTypes,
            ResourceIds = _filter.ResourceIds,
            EntitlementIds = _filter.EntitlementIds,
            Slugs = _filter.Slugs,
            PrincipalIds = resolvedReference.PrincipalIds.Union(resolvedDifference.PrincipalIds, StringComparer.Ordinal).ToList(),
        };
        warnings.AddRange(inReference.Intersect(inDifference, StringComparer.Ordinal));
        foreach (var warning in referenceTrailer.Warnings) warnings.Add("The reference sync file is incomplete: " + warning.Message);
        foreach (var warning in differenceTrailer.Warnings) warnings.Add("The difference sync file is incomplete: " + warning.Message);
        _warnings = warnings;
        return warnings;
    }

    /// <summary>Resource changes (if <paramref name="includeResources"/>) followed by grant changes.</summary>
    public IEnumerable<SyncChangeRecord> Changes(bool expand = false, bool includeResources = false)
    {
        Validate();
        if (includeResources)
        {
            foreach (var change in ResourceChanges()) yield return change;
        }
        foreach (var change in GrantChanges(expand)) yield return change;
    }

    /// <summary>
    /// Grants added, removed, and held differently. With <paramref name="expand"/>, access held through groups counts
    /// too, one record per principal and entitlement: a user who joins a group holding SUPER_ADMIN gains SUPER_ADMIN
    /// (Added, through that group); a user who held it directly and now only through a group is HoldingChanged.
    /// </summary>
    public IEnumerable<SyncChangeRecord> GrantChanges(bool expand = false)
    {
        Validate();
        // grant id of the older file → how it was held, and whether the newer file has it; only the older file's are held
        var older = new Dictionary<string, (string Holding, bool Seen)>(StringComparer.Ordinal);
        foreach (var grant in new SyncFileQuery(_reference!, _filter).Grants(expand)) older[grant.GrantId] = (SyncChangeRecord.HoldingOf(grant), false);

        var removed = older.Count;
        foreach (var grant in new SyncFileQuery(_difference!, _filter).Grants(expand))
        {
            if (!older.TryGetValue(grant.GrantId, out var before))
            {
                yield return SyncChangeRecord.ForGrant(SyncChange.Added, grant);
                continue;
            }
            if (!before.Seen) removed--;
            older[grant.GrantId] = (before.Holding, true);
            if (!string.Equals(before.Holding, SyncChangeRecord.HoldingOf(grant), StringComparison.Ordinal))
            {
                yield return SyncChangeRecord.ForGrant(SyncChange.HoldingChanged, grant, before.Holding);
            }
        }
        if (removed == 0) yield break;

        foreach (var grant in new SyncFileQuery(_reference!, _filter).Grants(expand))
        {
            if (older[grant.GrantId].Seen) continue;
            yield return SyncChangeRecord.ForGrant(SyncChange.Removed, grant);
        }
    }

    /// <summary>Resources added, resources whose status changed (users, apps), and resources removed.</summary>
    public IEnumerable<SyncChangeRecord> ResourceChanges()
    {
        Validate();
        var statuses = new Dictionary<ResourceId, string?>();
        using (var reader = _reference!.Read())
        {
            foreach (var resource in reader.ReadResources())
            {
                if (MatchesResource(resource.Id)) statuses[resource.Id] = StatusOf(resource);
            }
        }

        using (var reader = _difference!.Read())
        {
            foreach (var resource in reader.ReadResources())
            {
                if (!MatchesResource(resource.Id)) continue;
                var status = StatusOf(resource);
                if (!statuses.TryGetValue(resource.Id, out var oldStatus))
                {
                    yield return Resource(SyncChange.Added, resource, null, status);
                    continue;
                }
                statuses.Remove(resource.Id);
                if (!string.Equals(oldStatus, status, StringComparison.Ordinal)) yield return Resource(SyncChange.StatusChanged, resource, oldStatus, status);
            }
        }
        if (statuses.Count == 0) yield break;

        using (var reader = _reference!.Read())
        {
            foreach (var resource in reader.ReadResources())
            {
                if (statuses.Remove(resource.Id)) yield return Resource(SyncChange.Removed, resource, StatusOf(resource), null);
            }
        }
    }

    /// <summary>
    /// A resource change matches -ResourceType, -PrincipalId taken as the resource's own id (what changed about
    /// this user), and -EntitlementId taken as the resource the entitlement belongs to.
    /// </summary>
    private bool MatchesResource(ResourceId id)
    {
        var filter = _resourceFilter ?? _filter;
        if (!filter.MatchesResource(id) || !filter.MatchesPrincipal(id)) return false;
        if (_filter.EntitlementIds.Count == 0) return true;
        foreach (var entitlementId in _filter.EntitlementIds)
        {
            var first = entitlementId.IndexOf(':');
            var last = entitlementId.LastIndexOf(':');
            if (first > 0 && last > first + 1 && new ResourceId(entitlementId.Substring(0, first), entitlementId.Substring(first + 1, last - first - 1)).Equals(id))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Okta status of a user (oktaStatus) or of any resource whose profile has one (apps); null otherwise.</summary>
    private static string? StatusOf(Resource resource) =>
        resource.Trait("user")?.GetString("oktaStatus") ?? resource.Profile.GetString("status");

    private static SyncChangeRecord Resource(SyncChange change, Resource resource, string? oldStatus, string? newStatus) =>
        SyncChangeRecord.ForResource(change, resource.Id.ResourceType, resource.Id.Resource, resource.DisplayName, oldStatus, newStatus);

    /// <summary>Closes both files.</summary>
    public void Dispose()
    {
        _reference?.Dispose();
        _difference?.Dispose();
    }

    private static List<string> ChangedOptions(PropertyBag reference, PropertyBag difference)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var option in reference) names.Add(option.Key);
        foreach (var option in difference) names.Add(option.Key);
        var changed = new List<string>();
        foreach (var name in names)
        {
            if (!string.Equals(Canonical(reference, name), Canonical(difference, name), StringComparison.Ordinal)) changed.Add(name);
        }
        return changed;
    }

    private static string Canonical(PropertyBag options, string name)
    {
        if (!options.TryGetValue(name, out var value)) return "";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            new PropertyBag().Set(name, value).WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
