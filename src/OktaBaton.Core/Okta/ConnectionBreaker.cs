using System;
using System.Globalization;
using System.Net.Http;

namespace OktaBaton.Core.Okta;

/// <summary>
/// Once a request could not reach the org at all (after its retries), later requests do not each spend their own
/// retries finding that out again — 50 rows of a pipeline would take half an hour. They fail at once, until a probe
/// gets through: every <see cref="ProbeInterval"/> one request goes out, with a single attempt, and any answer from
/// the org (even an error) closes the breaker again.
/// </summary>
internal sealed class ConnectionBreaker
{
    private readonly object _lock = new();
    private readonly string _origin;
    private bool _open;
    private bool _probing;
    private DateTimeOffset _failedAt;
    private DateTimeOffset _nextProbe;
    private string _reason = string.Empty;

    public ConnectionBreaker(string origin, TimeSpan probeInterval)
    {
        _origin = origin;
        ProbeInterval = probeInterval;
    }

    public TimeSpan ProbeInterval { get; }

    /// <summary>Lets a request through (as a probe when the org was unreachable), or fails it at once.</summary>
    public Passage Enter(string method, string path)
    {
        lock (_lock)
        {
            if (!_open) return Passage.Normal;
            var now = DateTimeOffset.UtcNow;
            if (!_probing && now >= _nextProbe)
            {
                _probing = true;
                return Passage.Probe;
            }

            var ago = Math.Max(0, (now - _failedAt).TotalSeconds);
            var notSent = new HttpRequestException(string.Format(CultureInfo.InvariantCulture,
                "not sent, because the org could not be reached {0:0} s ago ({1}); one request tries again from {2:HH:mm:ss} UTC, and until one gets through requests fail at once",
                ago, _reason, _nextProbe));
            throw new OktaConnectionException(_origin, method, path, notSent);
        }
    }

    /// <summary>The org answered (success or an error status): it is reachable.</summary>
    public void Reached(Passage passage)
    {
        lock (_lock)
        {
            _open = false;
            if (passage == Passage.Probe) _probing = false;
        }
    }

    /// <summary>The request could not reach the org after its attempts: fail the next ones fast until a probe gets through.</summary>
    public void Unreachable(Passage passage, Exception failure)
    {
        lock (_lock)
        {
            _open = true;
            if (passage == Passage.Probe) _probing = false;
            _failedAt = DateTimeOffset.UtcNow;
            _nextProbe = _failedAt + ProbeInterval;
            _reason = Innermost(failure).Message.TrimEnd('.');
        }
    }

    /// <summary>The request ended otherwise (cancelled, refused before sending): nothing learnt about the org.</summary>
    public void Release(Passage passage)
    {
        if (passage != Passage.Probe) return;
        lock (_lock) _probing = false;
    }

    private static Exception Innermost(Exception failure)
    {
        while (failure.InnerException is not null) failure = failure.InnerException;
        return failure;
    }

    public enum Passage
    {
        Normal,
        Probe,
    }
}
