using System;
using System.Collections.Generic;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>What a sync file says before its resources: who, when, with which options.</summary>
public sealed class SyncFileHeader
{
    public SyncFileHeader(string syncId, DateTimeOffset startedAt, string domain, PropertyBag options, IReadOnlyList<ResourceTypeInfo> resourceTypes)
    {
        SyncId = syncId;
        StartedAt = startedAt;
        Domain = domain;
        Options = options;
        ResourceTypes = resourceTypes;
    }

    public string SyncId { get; }

    public DateTimeOffset StartedAt { get; }

    public string Domain { get; }

    public PropertyBag Options { get; }

    public IReadOnlyList<ResourceTypeInfo> ResourceTypes { get; }
}
