namespace OktaBaton.Simulator;

/// <summary>What the simulator has served since start or the last reset (admin endpoints not counted).</summary>
public sealed class SimulatorStats
{
    public long TotalRequests { get; init; }
    /// <summary>All 429 answers: bucket exhaustion and concurrency rejections.</summary>
    public long RateLimited { get; init; }
    /// <summary>The 429s a token or OAuth app met at its own share of a bucket (the org's bucket had room left).</summary>
    public long PrincipalRateLimited { get; init; }
    public long ConcurrencyRejected { get; init; }
    public long FaultsServed { get; init; }
    public int MaxInFlight { get; init; }
    /// <summary>Requests being served right now.</summary>
    public int InFlight { get; init; }
    /// <summary>Requests per rate-limit bucket name (users-list, users-id, users-write, groups-list, groups-id, apps, apps-id, default, oauth2-v1).</summary>
    public IReadOnlyDictionary<string, long> ByBucket { get; init; } = new Dictionary<string, long>();
    /// <summary>Requests per "METHOD /route/{template}" (unmatched paths count as "METHOD (unknown)").</summary>
    public IReadOnlyDictionary<string, long> ByRoute { get; init; } = new Dictionary<string, long>();
}
