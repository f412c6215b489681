namespace OktaBaton.Benchmarks;

/// <summary>
/// The least wall time Okta's fixed windows allow for a set of requests. A bucket's budget is its limit × the
/// token's share at Okta (the principal rate limit) × OktaBaton's own share, and it renews whole at each reset: a
/// bucket with n requests and budget b needs ⌈n ÷ b⌉ − 1 full windows, then the time to send the last part, at best
/// the in-flight cap's worth of requests per round trip. The floor is the slowest bucket's. The limits are Okta's
/// documented Workforce ones, as the simulator serves.
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
        ["logs"] = 120,
        ["oauth2-v1"] = 2000,
    };

    public static double? Seconds(IReadOnlyDictionary<string, long> requestsByBucket, BenchmarkOptions options)
    {
        if (!options.IsWorkforce) return null;
        return requestsByBucket.Count == 0 ? 0 : requestsByBucket.Max(p => BucketSeconds(p.Key, p.Value, options));
    }

    /// <summary>The bucket that sets the floor.</summary>
    public static string? Slowest(IReadOnlyDictionary<string, long> requestsByBucket, BenchmarkOptions options) =>
        requestsByBucket.Count == 0 ? null : requestsByBucket.OrderByDescending(p => BucketSeconds(p.Key, p.Value, options)).First().Key;

    /// <summary>The requests a window lets this run spend in a bucket.</summary>
    public static long Budget(string bucket, BenchmarkOptions options)
    {
        var limit = WorkforceLimits.TryGetValue(bucket, out var l) ? l : WorkforceLimits["default"];
        var principal = Math.Max(1, (long)limit * options.PrincipalShare / 100); // as Okta (and the simulator) count it
        return Math.Max(1, (long)Math.Floor(principal * options.Share));
    }

    private static double BucketSeconds(string bucket, long requests, BenchmarkOptions options)
    {
        if (requests == 0) return 0;
        var budget = Budget(bucket, options);
        var windows = (requests + budget - 1) / budget;
        var lastPart = requests - ((windows - 1) * budget);
        var roundTrips = (lastPart + options.InFlightCap - 1) / options.InFlightCap;
        return ((windows - 1) * options.RateWindowSeconds) + (roundTrips * options.LatencyMs / 1000.0);
    }
}
