using System.Collections.Generic;

namespace OktaBaton.Core.SyncFile;

public sealed class SyncStats
{
    public SyncStats(long requests, long retries, long durationMs, IReadOnlyDictionary<string, long> resourceCounts, long entitlements, long grants)
    {
        Requests = requests;
        Retries = retries;
        DurationMs = durationMs;
        ResourceCounts = resourceCounts;
        Entitlements = entitlements;
        Grants = grants;
    }

    public long Requests { get; }

    public long Retries { get; }

    public long DurationMs { get; }

    /// <summary>Resource type → number of resources of that type in the file.</summary>
    public IReadOnlyDictionary<string, long> ResourceCounts { get; }

    public long Entitlements { get; }

    public long Grants { get; }
}
