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

    /// <summary>
    /// When the sync started by the org's clock (its answers' Date headers), or null in a file that does not say: where a
    /// later refresh starts reading the System Log, whatever this machine's clock said.
    /// </summary>
    public DateTimeOffset? OrgStartedAt { get; internal set; }

    /// <summary>The module and version that wrote the file ("OktaBaton 0.1.0+…"): a refresh carries over only its own bytes.</summary>
    public string? Writer { get; internal set; }

    /// <summary>For a refreshed file, the sync id of the file it was refreshed from.</summary>
    public string? RefreshedFrom { get; internal set; }
}
