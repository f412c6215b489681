using System;
using System.Threading;

namespace OktaBaton.Core.Okta.RateLimiting;

/// <summary>
/// The length of Okta's rate-limit windows (60 s at Okta; the simulator may shorten them), learnt from the probes
/// that open windows. A probe is counted between its sending and its answer, and its window's reset lies a whole
/// number of seconds after that (rounded up), so the whole seconds from sending to reset are never fewer than the
/// window's length and usually equal to it: the fewest seen is the length.
/// </summary>
internal sealed class WindowLength
{
    private long _seconds = long.MaxValue;

    /// <summary>The fewest whole seconds seen, or null before the first probe.</summary>
    public TimeSpan? Current
    {
        get
        {
            var seconds = Interlocked.Read(ref _seconds);
            return seconds == long.MaxValue ? null : TimeSpan.FromSeconds(seconds);
        }
    }

    /// <summary>A probe sent at <paramref name="sentAt"/> opened a window that resets at <paramref name="resetLocal"/>.</summary>
    public void Observe(DateTimeOffset sentAt, DateTimeOffset resetLocal)
    {
        var seconds = (long)Math.Floor((resetLocal - sentAt).TotalSeconds);
        if (seconds < 1) return;
        long seen;
        while (seconds < (seen = Interlocked.Read(ref _seconds)) && Interlocked.CompareExchange(ref _seconds, seconds, seen) != seen)
        {
        }
    }
}
