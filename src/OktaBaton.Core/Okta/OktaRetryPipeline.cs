using System;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace OktaBaton.Core.Okta;

/// <summary>
/// The retry strategy: 429s wait for the bucket's reset by the server's clock (Okta's SDK rule), transient
/// failures back off exponentially with jitter, cancellation is never retried.
/// </summary>
internal static class OktaRetryPipeline
{
    public static readonly ResiliencePropertyKey<RequestState> StateKey = new("OktaBaton.RequestState");

    private static readonly object RandomLock = new();
    private static readonly Random Random = new();

    public static ResiliencePipeline Build(OktaClientOptions options, OktaClientStats stats)
    {
        if (options.MaxRetries == 0)
        {
            return ResiliencePipeline.Empty;
        }

        var baseBackoff = options.BaseBackoff;
        var maxWait = options.MaxRetryWait;
        var maxRateLimitWait = options.MaxRateLimitWait;
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args =>
                {
                    var state = args.Context.Properties.GetValue(StateKey, null!);
                    var retry = !args.Context.CancellationToken.IsCancellationRequested
                        && state is not null
                        && RetryClassifier.ShouldRetry(args.Outcome.Exception, state.Method)
                        && !ResetsTooLate(args.Outcome.Exception, maxRateLimitWait, DateTimeOffset.UtcNow);
                    return new ValueTask<bool>(retry);
                },
                DelayGenerator = args =>
                    new ValueTask<TimeSpan?>(DelayFor(args.Outcome.Exception, args.AttemptNumber, baseBackoff, maxWait, DateTimeOffset.UtcNow)),
                OnRetry = args =>
                {
                    stats.AddRetry();
                    if (args.Outcome.Exception is OktaApiException { IsRateLimited: true, RateLimit: { IsConcurrencyLimit: false, Reset: { } reset } } limited)
                    {
                        OktaRateLimitWaits.Tell(BucketOf(limited), reset, args.RetryDelay);
                    }

                    OktaRequestTrace.Write(FormattableString.Invariant(
                        $"retrying in {args.RetryDelay.TotalSeconds:0.0} s after: {args.Outcome.Exception?.Message}"));
                    var state = args.Context.Properties.GetValue(StateKey, null!);
                    if (state is not null)
                    {
                        state.RetryCount = args.AttemptNumber + 1;
                        state.RetryFor = (args.Outcome.Exception as OktaApiException)?.RequestId;
                    }

                    return default;
                },
            })
            .Build();
    }

    /// <summary>
    /// True for a 429 whose window resets further away than <paramref name="maxRateLimitWait"/>: waiting would stall
    /// the command silently, so it fails at once instead (<see cref="TooLongWait"/> says when the window resets).
    /// </summary>
    internal static bool ResetsTooLate(Exception? failure, TimeSpan maxRateLimitWait, DateTimeOffset localNow) =>
        failure is OktaApiException { IsRateLimited: true, RateLimit: { IsConcurrencyLimit: false } rateLimit }
        && rateLimit.DelayUntilReset(localNow) is { } untilReset
        && untilReset > maxRateLimitWait;

    /// <summary>The clear failure for a 429 whose reset is beyond the maximum wait.</summary>
    internal static OktaOperationException TooLongWait(OktaApiException limited, TimeSpan maxRateLimitWait, DateTimeOffset localNow)
    {
        var failure = OktaRateLimitWait.TooLong(BucketOf(limited), limited.RateLimit!.Reset!.Value,
            limited.RateLimit.DelayUntilReset(localNow)!.Value, maxRateLimitWait);
        return new OktaOperationException(failure.ErrorId, failure.Kind, failure.Message + " (" + limited.Message + ")", limited);
    }

    private static string BucketOf(OktaApiException failure) =>
        RateLimiting.OktaRateBucket.Classify(failure.Method, failure.Path).Name;

    /// <summary>
    /// How long to wait before retry number <paramref name="attempt"/> + 1. A 429 waits Reset − Date + 1 s
    /// (at least the backoff when that is not positive, or when the 429 came from the concurrency limit,
    /// whose reset is only an estimate), capped by <paramref name="maxWait"/>.
    /// </summary>
    internal static TimeSpan DelayFor(Exception? failure, int attempt, TimeSpan baseBackoff, TimeSpan maxWait, DateTimeOffset localNow)
    {
        var backoff = Backoff(attempt, baseBackoff, maxWait);
        if (failure is OktaApiException { IsRateLimited: true, RateLimit: { } rateLimit })
        {
            var untilReset = rateLimit.DelayUntilReset(localNow);
            if (untilReset is null || untilReset.Value <= TimeSpan.Zero)
            {
                return backoff;
            }

            var wait = rateLimit.IsConcurrencyLimit && untilReset.Value < backoff ? backoff : untilReset.Value;
            return wait > maxWait ? maxWait : wait;
        }

        return backoff;
    }

    /// <summary>Exponential from <paramref name="baseBackoff"/>, jittered ±25 %, capped.</summary>
    internal static TimeSpan Backoff(int attempt, TimeSpan baseBackoff, TimeSpan maxWait)
    {
        double jitter;
        lock (RandomLock)
        {
            jitter = 0.75 + (Random.NextDouble() * 0.5);
        }

        var exponent = Math.Min(attempt, 16);
        var ticks = baseBackoff.Ticks * Math.Pow(2, exponent) * jitter;
        var cap = maxWait.Ticks;
        return TimeSpan.FromTicks((long)Math.Min(ticks, cap));
    }
}
