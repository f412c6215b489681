using System;

namespace OktaBaton.Core.Okta.RateLimiting;

/// <summary>
/// Maps Okta's clock (Date and X-Rate-Limit-Reset, whole seconds) onto the local one. The offset is the largest
/// Date − local time seen: Date is truncated to the second, so the largest sample is the closest to the truth.
/// </summary>
internal sealed class ServerClock
{
    private readonly object _lock = new();
    private TimeSpan? _offset;

    public DateTimeOffset LocalNow => DateTimeOffset.UtcNow;

    public void Observe(DateTimeOffset? serverDate)
    {
        if (serverDate is null) return;
        var sample = serverDate.Value - LocalNow;
        lock (_lock)
        {
            if (_offset is null || sample > _offset.Value) _offset = sample;
        }
    }

    /// <summary>The server's clock now, or null before any Date was seen.</summary>
    public DateTimeOffset? ServerNow
    {
        get
        {
            lock (_lock)
            {
                return _offset is null ? null : LocalNow + _offset.Value;
            }
        }
    }

    public DateTimeOffset ToLocal(DateTimeOffset serverTime)
    {
        lock (_lock)
        {
            return serverTime - (_offset ?? TimeSpan.Zero);
        }
    }

    /// <summary>A local time on the server's clock (for messages that quote Okta's reset).</summary>
    public DateTimeOffset ToServer(DateTimeOffset localTime)
    {
        lock (_lock)
        {
            return localTime + (_offset ?? TimeSpan.Zero);
        }
    }
}
