using System;
using System.Collections.Generic;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// A part of a sync file that one producer fills while others fill theirs: its resources, entitlements and
/// grants spill to their own temporary files and land in the file after the writer's own and after every lane
/// opened before it. Lanes make concurrent syncers write a deterministic file with flat memory. A lane may keep its
/// items in the order of the ids of the resources they belong to (<see cref="LaneOrder"/>, <see cref="SortedSpillSection"/>),
/// so that their order never depends on the order Okta lists them in.
/// </summary>
public sealed class SyncFileLane : ISyncFileSink, IDisposable
{
    private readonly object _gate;
    private readonly Func<bool> _isFinished;
    private readonly SortedDictionary<string, long> _resourceCounts = new(StringComparer.Ordinal);

    internal SyncFileLane(object gate, Func<bool> isFinished, ISpillSection resources, ISpillSection entitlements, ISpillSection grants)
    {
        _gate = gate;
        _isFinished = isFinished;
        Resources = resources;
        Entitlements = entitlements;
        Grants = grants;
    }

    internal ISpillSection Resources { get; }

    internal ISpillSection Entitlements { get; }

    internal ISpillSection Grants { get; }

    internal IReadOnlyDictionary<string, long> ResourceCounts => _resourceCounts;

    public void WriteResource(Resource resource)
    {
        if (resource is null) throw new ArgumentNullException(nameof(resource));
        lock (_gate)
        {
            ThrowIfFinished();
            Resources.Add(writer => SyncFileJson.WriteResource(writer, resource), resource.Id.Resource);
            CountResources(resource.Id.ResourceType, 1);
        }
    }

    public void WriteEntitlement(Entitlement entitlement)
    {
        if (entitlement is null) throw new ArgumentNullException(nameof(entitlement));
        lock (_gate)
        {
            ThrowIfFinished();
            Entitlements.Add(writer => SyncFileJson.WriteEntitlement(writer, entitlement), entitlement.Resource.Resource);
        }
    }

    public void WriteGrant(Grant grant)
    {
        if (grant is null) throw new ArgumentNullException(nameof(grant));
        lock (_gate)
        {
            ThrowIfFinished();
            Grants.Add(writer => SyncFileJson.WriteGrant(writer, grant), SyncFileItemKeys.ResourceOf(grant.EntitlementId));
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
            Grants.AddGrants(entitlementId, principalType, principalIds, SyncFileItemKeys.ResourceOf(entitlementId));
        }
    }

    /// <summary>
    /// <paramref name="count"/> resources of <paramref name="resourceType"/> carried over byte for byte:
    /// <paramref name="length"/> bytes of <paramref name="source"/>, in id order from <paramref name="firstId"/> to
    /// <paramref name="lastId"/>.
    /// </summary>
    internal void CarryResources(System.IO.Stream source, long length, long count, string resourceType, string firstId, string lastId)
    {
        lock (_gate)
        {
            ThrowIfFinished();
            Resources.AddFrom(source, length, count, firstId, lastId);
            CountResources(resourceType, count);
        }
    }

    /// <summary><paramref name="count"/> entitlements carried over byte for byte, of resources from <paramref name="firstId"/> to <paramref name="lastId"/>.</summary>
    internal void CarryEntitlements(System.IO.Stream source, long length, long count, string firstId, string lastId)
    {
        lock (_gate)
        {
            ThrowIfFinished();
            Entitlements.AddFrom(source, length, count, firstId, lastId);
        }
    }

    /// <summary><paramref name="count"/> grants of one resource's entitlements carried over byte for byte: <paramref name="length"/> bytes of <paramref name="source"/>.</summary>
    internal void CarryGrants(System.IO.Stream source, long length, long count, string resourceId)
    {
        lock (_gate)
        {
            ThrowIfFinished();
            Grants.AddFrom(source, length, count, resourceId, resourceId);
        }
    }

    /// <summary>One resource, with its entitlements, carried over byte for byte from an earlier sync file.</summary>
    internal void CarryResource(ResourceId id, byte[] resource, IReadOnlyList<byte[]> entitlements)
    {
        using (var item = new System.IO.MemoryStream(resource, writable: false))
        {
            CarryResources(item, resource.Length, 1, id.ResourceType, id.Resource, id.Resource);
        }
        foreach (var entitlement in entitlements)
        {
            using var item = new System.IO.MemoryStream(entitlement, writable: false);
            CarryEntitlements(item, entitlement.Length, 1, id.Resource, id.Resource);
        }
    }

    private void CountResources(string resourceType, long count)
    {
        _resourceCounts.TryGetValue(resourceType, out var written);
        _resourceCounts[resourceType] = written + count;
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
