using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Okta.RateLimiting;

/// <summary>
/// Paces a client's requests per Okta rate-limit bucket, side by side (a slow bucket never holds up another),
/// and caps the requests in flight below the org's concurrency limit. One scheduler lives with its client, so
/// every caller of that client (syncs, provisioning, several at once) spends one budget per bucket; its share
/// and cap may be adjusted while requests run.
/// </summary>
internal sealed class RateLimitScheduler : IRequestGate
{
    /// <summary>
    /// All of the ceiling Okta reports to the token. Okta itself holds each API token or OAuth app to its share of
    /// every bucket (50 % unless an admin changed it) and reports that share in the X-Rate-Limit headers while it
    /// binds, so the client need not halve it again.
    /// </summary>
    public const double DefaultShare = 1.0;

    /// <summary>Okta's in-flight limit per org on paid Workforce orgs.</summary>
    public const int OrgConcurrencyLimit = 75;

    /// <summary>One token's part of the org's in-flight limit: Okta's default principal share, 50 %.</summary>
    public const int TokenConcurrencyLimit = OrgConcurrencyLimit / 2;

    private readonly ConcurrentDictionary<string, BucketPacer> _buckets = new(StringComparer.Ordinal);
    private readonly ServerClock _clock = new();
    private readonly WindowLength _windowLength = new();
    private readonly InFlightLimiter _inFlight;
    private readonly Func<double> _readShare;
    private double _share;

    private readonly TimeSpan _maxWait;

    /// <param name="maxWait">The longest a request waits for a spent bucket's reset; further away, it fails at once (none: no limit).</param>
    public RateLimitScheduler(double share, int maxInFlight, TimeSpan? maxWait = null)
    {
        _share = CheckShare(share);
        _inFlight = new InFlightLimiter(maxInFlight);
        _readShare = () => Volatile.Read(ref _share);
        _maxWait = maxWait ?? TimeSpan.MaxValue;
    }

    /// <summary>A scheduler for a client: <paramref name="share"/> of each bucket's reported ceiling, at most <see cref="InFlightCapFor"/> in flight.</summary>
    public static RateLimitScheduler For(double share, int throttleLimit, TimeSpan? maxWait = null) => new(share, InFlightCapFor(throttleLimit, share), maxWait);

    public double Share => Volatile.Read(ref _share);

    public int MaxInFlight => _inFlight.Limit;

    /// <summary>The same share of a token's part of the org's concurrency limit as of each bucket, and never above the caller's throttle.</summary>
    public static int InFlightCapFor(int throttleLimit, double share) =>
        Math.Max(1, Math.Min(throttleLimit, (int)Math.Floor(TokenConcurrencyLimit * share)));

    /// <summary>From now on, spend <paramref name="share"/> of each bucket with at most <see cref="InFlightCapFor"/> in flight.</summary>
    public void Adjust(double share, int throttleLimit)
    {
        CheckShare(share);
        if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, "At least one request must be allowed in flight.");
        Volatile.Write(ref _share, share);
        _inFlight.SetLimit(InFlightCapFor(throttleLimit, share));
    }

    public async Task<IRequestLease> EnterAsync(HttpMethod method, Uri uri, CancellationToken cancellationToken)
    {
        if (method is null) throw new ArgumentNullException(nameof(method));
        if (uri is null) throw new ArgumentNullException(nameof(uri));
        var bucket = OktaRateBucket.Classify(method.Method, uri.AbsolutePath);
        var pacer = _buckets.GetOrAdd(bucket.Name, _ => new BucketPacer(bucket, _readShare, _clock, _windowLength, _maxWait));
        var ticket = await pacer.AdmitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _inFlight.EnterAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            pacer.Complete(ticket);
            throw;
        }

        return new Lease(this, pacer, ticket);
    }

    private static double CheckShare(double share) =>
        double.IsNaN(share) || share <= 0 || share > 1
            ? throw new ArgumentOutOfRangeException(nameof(share), share, "The rate-limit share must be more than 0 and at most 1.")
            : share;

    private sealed class Lease : IRequestLease
    {
        private readonly RateLimitScheduler _owner;
        private readonly BucketPacer _pacer;
        private readonly PacingTicket _ticket;
        private int _disposed;

        public Lease(RateLimitScheduler owner, BucketPacer pacer, PacingTicket ticket)
        {
            _owner = owner;
            _pacer = pacer;
            _ticket = ticket;
        }

        public void OnResponse(int statusCode, RateLimitInfo rateLimit)
        {
            if (rateLimit is null) return;
            _owner._clock.Observe(rateLimit.ServerDate);
            _pacer.OnResponse(_ticket, statusCode, rateLimit);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            _owner._inFlight.Exit();
            _pacer.Complete(_ticket);
        }
    }
}
