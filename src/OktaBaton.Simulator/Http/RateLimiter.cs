using OktaBaton.Simulator.Auth;

namespace OktaBaton.Simulator.Http;

/// <summary>
/// Fixed windows per bucket that start at the bucket's first use (not clock-aligned), like Okta's. Within a bucket
/// each API token or OAuth app has a nested quota of its share of the bucket (Okta's principal rate limits, 50 %
/// by default): every request counts against the org's bucket and its principal's quota in the same window, and is
/// refused when either is spent. Okta's overview describes the nesting ("the remaining quota status will be 1,199
/// for that minute for the organization, and 599 remaining for APP_123", developer.okta.com/docs/reference/rate-limits).
/// </summary>
/// <remarks>
/// Which quota the X-Rate-Limit headers report is our reading of Okta's docs, which define X-Rate-Limit-Limit as
/// "the rate limit ceiling that is applicable for the current request" (rl-best-practices) and, for the other
/// narrower limit they document (client-based limits), say the headers then carry that limit's values "rather than
/// the org-wide rate limit values" (rl-clientbased). So the headers report the binding quota: the principal's while
/// it has no more left than the org's bucket, the org's when the org's bucket runs out first; a 429 reports the
/// quota that refused it. <see cref="SimulatorOptions.PrincipalHeaders"/> = Org serves the other reading (the org's
/// bucket on every success), so the client is tested against both.
/// </remarks>
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

    /// <summary>A principal's quota in a bucket of <paramref name="limit"/>: its percentage, rounded down, at least one request.</summary>
    public static int PrincipalLimit(int limit, int percent) => Math.Max(1, (int)((long)limit * percent / 100));

    /// <summary>Counts one request against the bucket and, when known, its principal's quota.</summary>
    public RateDecision Take(string bucket, RatePrincipal? principal, DateTimeOffset now)
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
            var org = new Quota(limit, state.Count);
            if (principal is null || principal.Percent >= RatePrincipal.MaximumPercent)
            {
                return new RateDecision(org.Allowed, org.Limit, org.Remaining, resetSeconds, RateQuota.Org);
            }

            state.ByPrincipal.TryGetValue(principal.Id, out var spent);
            state.ByPrincipal[principal.Id] = ++spent;
            var own = new Quota(PrincipalLimit(limit, principal.Percent), spent);
            if (!own.Allowed)
            {
                return new RateDecision(false, own.Limit, own.Remaining, resetSeconds, RateQuota.Principal);
            }
            if (!org.Allowed)
            {
                return new RateDecision(false, org.Limit, org.Remaining, resetSeconds, RateQuota.Org);
            }
            return own.Remaining <= org.Remaining && _options.PrincipalHeaders == PrincipalHeaderMode.Binding
                ? new RateDecision(true, own.Limit, own.Remaining, resetSeconds, RateQuota.Principal)
                : new RateDecision(true, org.Limit, org.Remaining, resetSeconds, RateQuota.Org);
        }
    }

    public void Reset()
    {
        lock (_buckets)
        {
            _buckets.Clear();
        }
    }

    private readonly record struct Quota(int Limit, int Spent)
    {
        public bool Allowed => Spent <= Limit;
        public int Remaining => Math.Max(0, Limit - Spent);
    }

    private sealed class BucketState
    {
        public DateTimeOffset WindowStart { get; init; }
        public int Count { get; set; }
        public Dictionary<string, int> ByPrincipal { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>Which quota a decision reports: the org's bucket or the principal's share of it.</summary>
internal enum RateQuota
{
    Org,
    Principal,
}

internal readonly record struct RateDecision(bool Allowed, int Limit, int Remaining, long ResetEpochSeconds, RateQuota Quota);
