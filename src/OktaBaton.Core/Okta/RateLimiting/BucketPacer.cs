using System;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Okta.RateLimiting;

/// <summary>
/// Paces one Okta rate-limit bucket. Okta's windows are fixed: a bucket's count renews at X-Rate-Limit-Reset, so
/// the budget is spent as early as the requests come (the in-flight cap is the only pace inside a window) and then
/// the bucket waits for the reset. A window starts with one probe request whose answer tells the limit, the
/// remaining count and the reset. The headers report the ceiling that applies to this token (Okta holds each token
/// or OAuth app to its share of the bucket, 50 % by default, and reports that share while it binds); the client
/// spends <c>share</c> of it and keeps one request in reserve, so a probe that lands early in the old window is
/// still served. When the budget is spent, or a 429 says someone else spent it, the bucket waits for the reset and
/// probes the next window. Requests leave in arrival order.
/// </summary>
internal sealed class BucketPacer
{
    private static readonly TimeSpan DocumentedWindow = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(1);

    private readonly object _lock = new();
    private readonly SemaphoreSlim _turnstile = new(1, 1);
    private readonly OktaRateBucket _bucket;
    private readonly Func<double> _share;
    private readonly ServerClock _clock;

    private TaskCompletionSource<bool> _changed = NewSignal();
    private bool _windowKnown;
    private bool _probing;
    private int _limit;
    private int _remaining;
    private long _resetEpochSeconds;
    private DateTimeOffset _windowEnd;
    private int _inFlight;

    /// <param name="share">The share of the bucket to spend, read at every admission (it may change).</param>
    public BucketPacer(OktaRateBucket bucket, Func<double> share, ServerClock clock)
    {
        _bucket = bucket;
        _share = share;
        _clock = clock;
        _limit = bucket.DocumentedLimit;
    }

    public string Name => _bucket.Name;

    /// <summary>Waits for this bucket's next slot.</summary>
    public async Task<PacingTicket> AdmitAsync(CancellationToken ct)
    {
        await _turnstile.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            while (true)
            {
                TimeSpan wait;
                Task changed;
                lock (_lock)
                {
                    var now = _clock.LocalNow;
                    if (TryAdmit(now, out var ticket, out wait)) return ticket!;
                    changed = _changed.Task;
                }

                await WaitForChangeAsync(changed, wait, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            _turnstile.Release();
        }
    }

    public void OnResponse(PacingTicket ticket, int statusCode, RateLimitInfo rateLimit)
    {
        if (rateLimit.IsConcurrencyLimit || rateLimit.Limit is null || rateLimit.Remaining is null || rateLimit.Reset is null) return;
        lock (_lock)
        {
            ticket.SawRateLimit = true;
            var reset = rateLimit.Reset.Value;
            var resetSeconds = reset.ToUnixTimeSeconds();
            var resetLocal = _clock.ToLocal(reset);
            if (resetSeconds > _resetEpochSeconds)
            {
                // a new window
                _resetEpochSeconds = resetSeconds;
                _limit = Math.Max(1, rateLimit.Limit.Value);
                _remaining = rateLimit.Remaining.Value;
                _windowEnd = EstimateWindowEnd(ticket, resetLocal, _clock.LocalNow);
                _windowKnown = true;
            }
            else if (resetSeconds == _resetEpochSeconds)
            {
                _limit = Math.Max(1, rateLimit.Limit.Value);
                _remaining = Math.Min(_remaining, rateLimit.Remaining.Value);
                if (!_windowKnown)
                {
                    // the probe went out early and landed in the old window: wait for Okta's reset itself
                    _windowKnown = true;
                    _windowEnd = resetLocal;
                }
            }
            else
            {
                return; // an answer from an older window
            }

            if (statusCode == 429)
            {
                // someone else spent the bucket: nothing more until its reset
                _remaining = 0;
                if (resetLocal > _windowEnd) _windowEnd = resetLocal;
            }

            Signal();
        }
    }

    public void Complete(PacingTicket ticket)
    {
        lock (_lock)
        {
            if (ticket.Completed) return;
            ticket.Completed = true;
            _inFlight--;
            if (ticket.IsProbe)
            {
                _probing = false;
                if (!ticket.SawRateLimit && !_windowKnown)
                {
                    // an answer without rate-limit headers (or none at all): pace by Okta's documented limit
                    _windowKnown = true;
                    _limit = _bucket.DocumentedLimit;
                    _remaining = _limit - 1;
                    _windowEnd = _clock.LocalNow + DocumentedWindow;
                }
            }

            Signal();
        }
    }

    /// <summary>The requests this client may still send in the window: its share of the ceiling, one kept in reserve.</summary>
    private int Available
    {
        get
        {
            var budget = Math.Max(1, Math.Min(_limit - 1, (int)Math.Floor(_limit * _share())));
            var reserve = _limit - budget;
            return _remaining - _inFlight - reserve;
        }
    }

    private bool TryAdmit(DateTimeOffset now, out PacingTicket? ticket, out TimeSpan wait)
    {
        ticket = null;
        if (_windowKnown && now >= _windowEnd) _windowKnown = false;
        if (!_windowKnown)
        {
            if (_probing)
            {
                wait = RecheckInterval;
                return false;
            }

            _probing = true;
            _inFlight++;
            ticket = new PacingTicket(now, isProbe: true);
            wait = TimeSpan.Zero;
            return true;
        }

        if (Available <= 0)
        {
            wait = _windowEnd - now;
            return false;
        }

        _inFlight++;
        ticket = new PacingTicket(now, isProbe: false);
        wait = TimeSpan.Zero;
        return true;
    }

    /// <summary>
    /// Okta's reset is in whole seconds, so it can lie up to a second after the window's true end. The probe that
    /// opened the window was counted between its sending and its answer, so the window ends at the latest its
    /// length after the answer came; its length is the whole seconds from the probe's sending to the reset. The
    /// earlier of that and the reset is never before the true end: a probe sent then opens the next window.
    /// </summary>
    private static DateTimeOffset EstimateWindowEnd(PacingTicket ticket, DateTimeOffset resetLocal, DateTimeOffset answeredAt)
    {
        if (!ticket.IsProbe) return resetLocal;
        var seconds = Math.Floor((resetLocal - ticket.AdmittedAt).TotalSeconds);
        if (seconds < 1) return resetLocal;
        var end = answeredAt + TimeSpan.FromSeconds(seconds);
        return end < resetLocal ? end : resetLocal;
    }

    private static async Task WaitForChangeAsync(Task changed, TimeSpan wait, CancellationToken ct)
    {
        if (wait <= TimeSpan.Zero) return;
        if (wait > RecheckInterval) wait = RecheckInterval;
        // timers count whole milliseconds: round up, or a sub-millisecond wait would spin
        wait = TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(wait, stop.Token);
        await Task.WhenAny(changed, delay).ConfigureAwait(false);
        stop.Cancel();
        ct.ThrowIfCancellationRequested();
    }

    private void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult(true);
    }

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
