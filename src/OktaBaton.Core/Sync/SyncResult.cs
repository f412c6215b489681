using System;
using System.Collections.Generic;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.Sync;

/// <summary>What a completed sync wrote.</summary>
public sealed class SyncResult
{
    public SyncResult(string path, string syncId, IReadOnlyDictionary<string, long> resourceCounts, long entitlements, long grants,
        long requests, long retries, IReadOnlyList<SyncWarning> warnings, TimeSpan duration)
    {
        Path = path;
        SyncId = syncId;
        ResourceCounts = resourceCounts;
        Entitlements = entitlements;
        Grants = grants;
        Requests = requests;
        Retries = retries;
        Warnings = warnings;
        Duration = duration;
    }

    public string Path { get; }

    public string SyncId { get; }

    /// <summary>Resource type → resources written, for every selected type (0 included).</summary>
    public IReadOnlyDictionary<string, long> ResourceCounts { get; }

    public long Entitlements { get; }

    public long Grants { get; }

    public long Requests { get; }

    public long Retries { get; }

    public IReadOnlyList<SyncWarning> Warnings { get; }

    public TimeSpan Duration { get; }
}
