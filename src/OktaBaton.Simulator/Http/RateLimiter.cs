namespace OktaBaton.Simulator.Http;

/// <summary>Fixed windows per bucket that start at the bucket's first use (not clock-aligned), like Okta's.</summary>
internal sealed class RateLimiter
{
    private const int UnlimitedLimit = 1_000_000;
    private readonly Dictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly SimulatorOptions _options;
    private readonly TimeSpan _window;

    public RateLimiter(SimulatorOptions options)
    {
        _options = options;
        _window = TimeSpan.FromSeconds(options.RateWindowSeconds);
    }

    public int LimitOf(string bucket)
    {
        if (_options.BucketLimitOverrides.TryGetValue(bucket, out var overridden))
        {
            return overridden;
        }
        if (_options.RateLimits == RateLimitMode.Unlimited)
        {
            return UnlimitedLimit;
        }
        var limit = BucketClassifier.WorkforceLimits.TryGetValue(bucket, out var l) ? l : BucketClassifier.WorkforceLimits[BucketClassifier.Default];
        return Math.Max(1, (int)Math.Round(limit * _options.RateLimitScale));
    }

    /// <summary>Counts one request against the bucket.</summary>
    public RateDecision Take(string bucket, DateTimeOffset now)
    {
        var limit = LimitOf(bucket);
        lock (_buckets)
        {
            if (!_buckets.TryGetValue(bucket, out var state) || now >= state.WindowStart + _window)
            {
                state = new BucketState { WindowStart = now };
                _buckets[bucket] = state;
            }
            state.Count++;
            var reset = (state.WindowStart + _window).ToUnixTimeMilliseconds();
            var resetSeconds = (reset + 999) / 1000;
            return new RateDecision(state.Count <= limit, limit, Math.Max(0, limit - state.Count), resetSeconds);
        }
    }

    public void Reset()
    {
        lock (_buckets)
        {
            _buckets.Clear();
        }
    }

    private sealed class BucketState
    {
        public DateTimeOffset WindowStart { get; init; }
        public int Count { get; set; }
    }
}

internal readonly record struct RateDecision(bool Allowed, int Limit, int Remaining, long ResetEpochSeconds);
