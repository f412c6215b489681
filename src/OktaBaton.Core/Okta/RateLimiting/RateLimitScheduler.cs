using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Okta.RateLimiting;

/// <summary>
/// Paces a client's requests per Okta rate-limit bucket, side by side (a slow bucket never holds up another),
/// and caps the requests in flight below the org's concurrency limit.
/// </summary>
internal sealed class RateLimitScheduler : IRequestGate
{
    /// <summary>Okta's default share of a bucket for one token.</summary>
    public const double DefaultShare = 0.5;

    /// <summary>Okta's in-flight limit per org on paid Workforce orgs.</summary>
    public const int OrgConcurrencyLimit = 75;

    private readonly ConcurrentDictionary<string, BucketPacer> _buckets = new(StringComparer.Ordinal);
    private readonly ServerClock _clock = new();
    private readonly SemaphoreSlim _inFlight;

    public RateLimitScheduler(double share, int maxInFlight)
    {
        if (double.IsNaN(share) || share <= 0 || share > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "The rate-limit share must be more than 0 and at most 1.");
        }

        if (maxInFlight < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxInFlight), maxInFlight, "At least one request must be allowed in flight.");
        }

        Share = share;
        MaxInFlight = maxInFlight;
        _inFlight = new SemaphoreSlim(maxInFlight, maxInFlight);
    }

    public double Share { get; }

    public int MaxInFlight { get; }

    /// <summary>The same share of the org's concurrency limit as of each bucket, and never above the caller's throttle.</summary>
    public static int InFlightCapFor(int throttleLimit, double share) =>
        Math.Max(1, Math.Min(throttleLimit, (int)Math.Floor(OrgConcurrencyLimit * share)));

    public async Task<IRequestLease> EnterAsync(HttpMethod method, Uri uri, CancellationToken cancellationToken)
    {
        if (method is null) throw new ArgumentNullException(nameof(method));
        if (uri is null) throw new ArgumentNullException(nameof(uri));
        var bucket = OktaRateBucket.Classify(method.Method, uri.AbsolutePath);
        var pacer = _buckets.GetOrAdd(bucket.Name, _ => new BucketPacer(bucket, Share, _clock));
        var ticket = await pacer.AdmitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            pacer.Complete(ticket);
            throw;
        }

        return new Lease(this, pacer, ticket);
    }

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
            _owner._inFlight.Release();
            _pacer.Complete(_ticket);
        }
    }
}
