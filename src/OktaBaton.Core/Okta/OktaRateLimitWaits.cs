using System;
using System.Globalization;
using System.Threading;

namespace OktaBaton.Core.Okta;

/// <summary>A wait for an Okta rate-limit window to reset: which bucket, until when (UTC, by Okta's clock), for how long.</summary>
public sealed class OktaRateLimitWait
{
    internal OktaRateLimitWait(string bucket, DateTimeOffset resetsAt, TimeSpan duration)
    {
        Bucket = bucket;
        ResetsAt = resetsAt;
        Duration = duration;
    }

    /// <summary>Okta's rate-limit bucket, e.g. "users-list" (GET /api/v1/users).</summary>
    public string Bucket { get; }

    public DateTimeOffset ResetsAt { get; }

    public TimeSpan Duration { get; }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "Waiting {0:0} s for Okta's rate limit on {1} to reset at {2:HH:mm:ss} UTC.", Math.Ceiling(Duration.TotalSeconds), Bucket, ResetsAt.ToUniversalTime());

    internal static OktaOperationException TooLong(string bucket, DateTimeOffset resetsAt, TimeSpan wait, TimeSpan maximum) =>
        new("OktaRateLimited", OktaFailureKind.RateLimited, string.Format(CultureInfo.InvariantCulture,
            "Okta's rate limit on {0} is spent until {1:HH:mm:ss} UTC, {2} from now: longer than the maximum wait of {3} "
            + "(Connect-Okta -MaxRateLimitWaitSec), so OktaBaton does not wait. Try again after {1:HH:mm:ss} UTC, or raise the maximum wait.",
            bucket, resetsAt.ToUniversalTime(), Describe(wait), Describe(maximum)));

    private static string Describe(TimeSpan span) => span.TotalMinutes >= 2
        ? string.Format(CultureInfo.InvariantCulture, "{0:0} min {1} s", Math.Floor(span.TotalMinutes), span.Seconds)
        : string.Format(CultureInfo.InvariantCulture, "{0:0} s", Math.Ceiling(span.TotalSeconds));
}

/// <summary>
/// Lets a front end say what a command waits for when Okta's rate limit holds it (a progress bar, a verbose line):
/// the observer flows with the command's async work (AsyncLocal), like <see cref="OktaRequestTrace"/>, so commands
/// sharing a connection each hear of their own waits. Told when a wait of more than a moment begins.
/// </summary>
public static class OktaRateLimitWaits
{
    /// <summary>Waits shorter than this are pacing's ordinary rhythm, not worth a word.</summary>
    internal static readonly TimeSpan Noticeable = TimeSpan.FromSeconds(2);

    private static readonly AsyncLocal<Action<OktaRateLimitWait>?> Current = new();

    public static IDisposable Observe(Action<OktaRateLimitWait> observer) =>
        AsyncLocalScope.Set(Current, observer ?? throw new ArgumentNullException(nameof(observer)));

    internal static void Tell(string bucket, DateTimeOffset resetsAt, TimeSpan duration)
    {
        if (duration < Noticeable) return;
        Current.Value?.Invoke(new OktaRateLimitWait(bucket, resetsAt, duration));
        OktaRequestTrace.Write(new OktaRateLimitWait(bucket, resetsAt, duration).ToString());
    }
}
