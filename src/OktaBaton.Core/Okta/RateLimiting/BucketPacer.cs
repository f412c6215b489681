using System;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Okta.RateLimiting;

/// <summary>
/// Paces one Okta rate-limit bucket. Okta's windows are fixed: a bucket's count renews at X-Rate-Limit-Reset, so
/// the budget is spent as early as the requests come (the in-flight cap is the only pace inside a window) and then
/// the bucket waits for the reset. A window starts with one probe request whose answer tells the limit, the
/// remaining count and the reset. The headers report the ceiling that applies to this token (Okta holds each token
/// or OAuth app to its share of the bucket, 50 % by default, and — by our reading of its docs — reports that share
/// while it binds; a 429 that shows otherwise teaches the pacer the hidden ceiling); the client spends <c>share</c>
/// of it and keeps one request in reserve, so a probe that lands early in the old window is
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
    private readonly WindowLength _windowLength;
    private readonly TimeSpan _maxWait;

    private TaskCompletionSource<bool> _changed = NewSignal();
    private bool _windowKnown;
    private bool _probing;
    private int _limit;
    private int _remaining;
    private long _resetEpochSeconds;
    private DateTimeOffset _reset;
    /// <summary>When the probe that opened the window was answered; null when the window must run to its reset.</summary>
    private DateTimeOffset? _anchor;
    /// <summary>The end of a window paced without headers, by Okta's documented minute.</summary>
    private DateTimeOffset? _fixedEnd;
    private int _inFlight;
    /// <summary>Answers this client has had in the current window (a hidden ceiling counts against them).</summary>
    private int _answeredInWindow;
    /// <summary>
    /// A narrower ceiling than the headers report, learnt from a 429 that refused this client while the headers
    /// said there was room: kept for every later window of this bucket.
    /// </summary>
    private int? _hiddenCeiling;

    /// <param name="share">The share of the bucket to spend, read at every admission (it may change).</param>
    /// <param name="windowLength">Okta's window length as the client's probes have measured it (shared by all buckets).</param>
    /// <param name="maxWait">A spent window whose end is further away than this fails the request at once, saying when it resets.</param>
    public BucketPacer(OktaRateBucket bucket, Func<double> share, ServerClock clock, WindowLength windowLength, TimeSpan maxWait)
    {
        _bucket = bucket;
        _share = share;
        _clock = clock;
        _windowLength = windowLength;
        _maxWait = maxWait;
        _limit = bucket.DocumentedLimit;
    }

    public string Name => _bucket.Name;

    /// <summary>Waits for this bucket's next slot.</summary>
    public async Task<PacingTicket> AdmitAsync(CancellationToken ct)
    {
        await _turnstile.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            DateTimeOffset? told = null;
            while (true)
            {
                TimeSpan wait;
                Task changed;
                DateTimeOffset windowEnd;
                lock (_lock)
                {
                    var now = _clock.LocalNow;
                    if (TryAdmit(now, out var ticket, out wait)) return ticket!;
                    changed = _changed.Task;
                    windowEnd = now + wait;
                }

                // a spent window: wait for its reset if it comes soon enough, saying so once; else fail at once
                if (wait > RecheckInterval && told != windowEnd)
                {
                    var resetsAt = _clock.ToServer(windowEnd);
                    if (wait > _maxWait) throw OktaRateLimitWait.TooLong(_bucket.Name, resetsAt, wait, _maxWait);
                    OktaRateLimitWaits.Tell(_bucket.Name, resetsAt, wait);
                    told = windowEnd;
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
            var reportedLimit = _limit;
            var reset = rateLimit.Reset.Value;
            var resetSeconds = reset.ToUnixTimeSeconds();
            var resetLocal = _clock.ToLocal(reset);
            if (resetSeconds > _resetEpochSeconds)
            {
                // a new window: a probe that opened it also measures Okta's window length
                _resetEpochSeconds = resetSeconds;
                _reset = reset;
                _limit = Math.Max(1, rateLimit.Limit.Value);
                _remaining = rateLimit.Remaining.Value;
                _answeredInWindow = 1;
                _fixedEnd = null;
                _anchor = ticket.IsProbe ? _clock.LocalNow : null;
                if (ticket.IsProbe) _windowLength.Observe(ticket.AdmittedAt, resetLocal);
                _windowKnown = true;
            }
            else if (resetSeconds == _resetEpochSeconds)
            {
                _limit = Math.Max(1, rateLimit.Limit.Value);
                _remaining = Math.Min(_remaining, rateLimit.Remaining.Value);
                _answeredInWindow++;
                if (!_windowKnown)
                {
                    // the probe went out early and landed in the old window: wait for Okta's reset itself
                    _windowKnown = true;
                    _anchor = null;
                }
            }
            else
            {
                return; // an answer from an older window
            }

            if (statusCode == 429)
            {
                LearnHiddenCeiling(reportedLimit, rateLimit);
                // the bucket (or this client's share of it) is spent: nothing more until its reset
                _remaining = 0;
                _anchor = null;
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
                    _fixedEnd = _clock.LocalNow + DocumentedWindow;
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
            var budget = Budget(_limit);
            var available = _remaining - _inFlight - (_limit - budget);
            if (_hiddenCeiling is { } ceiling)
            {
                available = Math.Min(available, Budget(ceiling) - _answeredInWindow - _inFlight);
            }
            return available;
        }
    }

    private int Budget(int ceiling) => Math.Max(1, Math.Min(ceiling - 1, (int)Math.Floor(ceiling * _share())));

    /// <summary>
    /// Okta holds each token or OAuth app to its share of a bucket (50 % by default), but does not document which
    /// ceiling the headers report while the share binds. When a 429 shows the headers were not the whole truth — it
    /// reports a lower limit than the answers before it, or it refuses while saying requests remain — the share is
    /// the ceiling from then on: the 429's limit, or else what this client had spent when it came. So a token held
    /// to a share the headers never show is refused in its first window only (what was admitted before the first
    /// refusal answered), not in every window. A 429 at the reported ceiling (someone else spent the bucket) teaches
    /// nothing.
    /// </summary>
    private void LearnHiddenCeiling(int reportedLimit, RateLimitInfo refusal)
    {
        int ceiling;
        if (refusal.Limit!.Value < reportedLimit) ceiling = refusal.Limit.Value;
        else if (refusal.Remaining!.Value > 0) ceiling = _answeredInWindow - 1;
        else return;
        ceiling = Math.Max(2, ceiling);
        _hiddenCeiling = _hiddenCeiling is { } known ? Math.Min(known, ceiling) : ceiling;
    }

    private bool TryAdmit(DateTimeOffset now, out PacingTicket? ticket, out TimeSpan wait)
    {
        ticket = null;
        var windowEnd = WindowEnd;
        if (_windowKnown && now >= windowEnd) _windowKnown = false;
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
            wait = windowEnd - now;
            return false;
        }

        _inFlight++;
        ticket = new PacingTicket(now, isProbe: false);
        wait = TimeSpan.Zero;
        return true;
    }

    /// <summary>
    /// Okta's reset is in whole seconds, so it can lie up to a second after the window's true end. The probe that
    /// opened the window was counted before its answer came, so the window ends at the latest one window length
    /// after that answer: the earlier of that and the reset is never before the true end, and a probe sent then
    /// opens the next window. Worked out at every look, as the measured length and the server's clock get sharper.
    /// </summary>
    private DateTimeOffset WindowEnd
    {
        get
        {
            if (_fixedEnd is { } fixedEnd) return fixedEnd;
            var resetLocal = _clock.ToLocal(_reset);
            if (_anchor is not { } anchor || _windowLength.Current is not { } length) return resetLocal;
            var end = anchor + length;
            return end < resetLocal ? end : resetLocal;
        }
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
