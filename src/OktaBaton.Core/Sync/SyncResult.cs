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

    /// <summary>Full: every list was read. Incremental: an earlier file was refreshed from what the System Log shows changed.</summary>
    public SyncMode Mode { get; internal set; }

    /// <summary>Why a refresh ran a full sync instead (null when it did not have to, or when none was asked for).</summary>
    public string? ModeReason { get; internal set; }

    /// <summary>
    /// For an incremental sync, the requests a full sync of the same org would have sent beyond those this one sent
    /// (an estimate from Okta's page sizes and what was carried over); null otherwise.
    /// </summary>
    public long? RequestsSaved { get; internal set; }

    /// <summary>For an incremental sync, the sync id of the file it refreshed.</summary>
    public string? RefreshedFrom { get; internal set; }
}

/// <summary>How a sync file was made.</summary>
public enum SyncMode
{
    Full,
    Incremental,
}
