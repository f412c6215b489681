using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;

namespace OktaBaton.Core.Okta;

/// <summary>The X-Rate-Limit-* headers of one answer, and the server's Date.</summary>
public sealed class RateLimitInfo
{
    public RateLimitInfo(int? limit, int? remaining, DateTimeOffset? reset, DateTimeOffset? serverDate)
    {
        Limit = limit;
        Remaining = remaining;
        Reset = reset;
        ServerDate = serverDate;
    }

    /// <summary>Requests allowed in the bucket's window; 0 on a concurrency-limit 429.</summary>
    public int? Limit { get; }

    public int? Remaining { get; }

    /// <summary>When the bucket's window resets (the smallest value when several arrived).</summary>
    public DateTimeOffset? Reset { get; }

    /// <summary>The answer's Date header: the clock <see cref="Reset"/> is measured against.</summary>
    public DateTimeOffset? ServerDate { get; }

    /// <summary>Okta's concurrency limit answers with a limit of 0; its reset is only an estimate.</summary>
    public bool IsConcurrencyLimit => Limit == 0;

    /// <summary>How long until the reset by the server's clock (local clock when no Date came), plus one second.</summary>
    public TimeSpan? DelayUntilReset(DateTimeOffset localNow)
    {
        if (Reset is null)
        {
            return null;
        }

        var now = ServerDate ?? localNow;
        return Reset.Value - now + TimeSpan.FromSeconds(1);
    }

    /// <summary>Null when the answer carried none of the X-Rate-Limit-* headers.</summary>
    public static RateLimitInfo? FromHeaders(HttpResponseHeaders headers)
    {
        if (headers is null)
        {
            throw new ArgumentNullException(nameof(headers));
        }

        var limit = SmallestInteger(headers, "X-Rate-Limit-Limit");
        var remaining = SmallestInteger(headers, "X-Rate-Limit-Remaining");
        var resetSeconds = SmallestInteger(headers, "X-Rate-Limit-Reset");
        if (limit is null && remaining is null && resetSeconds is null)
        {
            return null;
        }

        DateTimeOffset? reset = resetSeconds is null ? null : DateTimeOffset.FromUnixTimeSeconds(resetSeconds.Value);
        return new RateLimitInfo(limit.HasValue ? (int)Math.Min(limit.Value, int.MaxValue) : null,
            remaining.HasValue ? (int)Math.Min(remaining.Value, int.MaxValue) : null, reset, headers.Date);
    }

    private static long? SmallestInteger(HttpResponseHeaders headers, string name)
    {
        if (!headers.TryGetValues(name, out var values))
        {
            return null;
        }

        long? smallest = null;
        foreach (var part in SplitValues(values))
        {
            if (long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                && number >= 0
                && (smallest is null || number < smallest))
            {
                smallest = number;
            }
        }

        return smallest;
    }

    private static IEnumerable<string> SplitValues(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0);

    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "Limit={0} Remaining={1} Reset={2:O}", Limit, Remaining, Reset);
}
