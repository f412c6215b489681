using System;
using System.Collections.Generic;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// A part of a sync file that one producer fills while others fill theirs: its resources, entitlements and
/// grants spill to their own temporary files and land in the file after the writer's own and after every lane
/// opened before it. Lanes make concurrent syncers write a deterministic file with flat memory. A lane may keep its
/// resources in id order (<see cref="SortedSpillSection"/>) so that their order never depends on the order Okta lists them in.
/// </summary>
public sealed class SyncFileLane : ISyncFileSink, IDisposable
{
    private readonly object _gate;
    private readonly Func<bool> _isFinished;
    private readonly SortedDictionary<string, long> _resourceCounts = new(StringComparer.Ordinal);

    private readonly SpillSection? _resourcesAsWritten;
    private readonly SortedSpillSection? _resourcesById;

    internal SyncFileLane(object gate, Func<bool> isFinished, ISpillSection resources, SpillSection entitlements, SpillSection grants)
    {
        _gate = gate;
        _isFinished = isFinished;
        Resources = resources;
        _resourcesAsWritten = resources as SpillSection;
        _resourcesById = resources as SortedSpillSection;
        Entitlements = entitlements;
        Grants = grants;
    }

    internal ISpillSection Resources { get; }

    internal SpillSection Entitlements { get; }

    internal SpillSection Grants { get; }

    internal IReadOnlyDictionary<string, long> ResourceCounts => _resourceCounts;

    public void WriteResource(Resource resource)
    {
        if (resource is null) throw new ArgumentNullException(nameof(resource));
        lock (_gate)
        {
            ThrowIfFinished();
            if (_resourcesById is not null) _resourcesById.Add(writer => SyncFileJson.WriteResource(writer, resource), resource.Id.Resource);
            else _resourcesAsWritten!.Add(writer => SyncFileJson.WriteResource(writer, resource));
            CountResource(resource.Id.ResourceType);
        }
    }

    /// <summary>A resource carried over byte for byte from an earlier sync file written by this module.</summary>
    internal void CarryResource(ReadOnlySpan<byte> item, ResourceId id)
    {
        lock (_gate)
        {
            ThrowIfFinished();
            if (_resourcesById is not null) _resourcesById.AddRaw(item, id.Resource);
            else _resourcesAsWritten!.AddRaw(item, 1);
            CountResource(id.ResourceType);
        }
    }

    /// <summary><paramref name="count"/> grants carried over byte for byte: <paramref name="length"/> bytes of <paramref name="source"/>.</summary>
    internal void CarryGrants(System.IO.Stream source, long length, long count)
    {
        lock (_gate)
        {
            ThrowIfFinished();
            Grants.AddFrom(source, length, count);
        }
    }

    private void CountResource(string resourceType)
    {
        _resourceCounts.TryGetValue(resourceType, out var count);
        _resourceCounts[resourceType] = count + 1;
    }

    public void WriteEntitlement(Entitlement entitlement)
    {
        if (entitlement is null) throw new ArgumentNullException(nameof(entitlement));
        lock (_gate)
        {
            ThrowIfFinished();
            Entitlements.Add(writer => SyncFileJson.WriteEntitlement(writer, entitlement));
        }
    }

    public void WriteGrant(Grant grant)
    {
        if (grant is null) throw new ArgumentNullException(nameof(grant));
        lock (_gate)
        {
            ThrowIfFinished();
            Grants.Add(writer => SyncFileJson.WriteGrant(writer, grant));
        }
    }

    public void WriteGrants(string entitlementId, string principalType, IReadOnlyList<string> principalIds)
    {
        if (entitlementId is null) throw new ArgumentNullException(nameof(entitlementId));
        if (principalType is null) throw new ArgumentNullException(nameof(principalType));
        if (principalIds is null) throw new ArgumentNullException(nameof(principalIds));
        foreach (var id in principalIds)
        {
            if (string.IsNullOrEmpty(id)) throw new ArgumentException("A principal id is required.", nameof(principalIds));
        }
        lock (_gate)
        {
            ThrowIfFinished();
            Grants.AddGrants(entitlementId, principalType, principalIds);
        }
    }

    internal IEnumerable<ISpillSection> Sections() => new[] { Resources, Entitlements, Grants };

    /// <summary>The writer owns the lane's files: they go when the writer completes or is disposed.</summary>
    public void Dispose()
    {
    }

    private void ThrowIfFinished()
    {
        if (_isFinished()) throw new InvalidOperationException("The sync file is already complete.");
    }
}
