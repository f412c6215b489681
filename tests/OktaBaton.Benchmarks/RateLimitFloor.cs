namespace OktaBaton.Benchmarks;

/// <summary>
/// The least wall time Okta's rate limits allow for a set of requests: the slowest bucket's requests ÷ its budget
/// per window (limit × share), times the window. The limits are Okta's documented Workforce ones, as the simulator serves.
/// </summary>
internal static class RateLimitFloor
{
    public static readonly IReadOnlyDictionary<string, int> WorkforceLimits = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["users-list"] = 600,
        ["users-id"] = 2000,
        ["users-write"] = 600,
        ["groups-list"] = 500,
        ["groups-id"] = 1000,
        ["apps"] = 100,
        ["apps-id"] = 500,
        ["default"] = 1200,
    };

    public static double? Seconds(IReadOnlyDictionary<string, long> requestsByBucket, BenchmarkOptions options)
    {
        if (!options.IsWorkforce) return null;
        double windows = 0;
        foreach (var (bucket, requests) in requestsByBucket)
        {
            var limit = WorkforceLimits.TryGetValue(bucket, out var l) ? l : WorkforceLimits["default"];
            windows = Math.Max(windows, requests / Math.Floor(limit * options.Share));
        }
        return windows * options.RateWindowSeconds;
    }

    /// <summary>The bucket that sets the floor.</summary>
    public static string? Slowest(IReadOnlyDictionary<string, long> requestsByBucket, BenchmarkOptions options) =>
        requestsByBucket.Count == 0 ? null : requestsByBucket
            .OrderByDescending(p => p.Value / Math.Floor((WorkforceLimits.TryGetValue(p.Key, out var l) ? l : 1200) * options.Share))
            .First().Key;
}
