using System;
using System.Net.Http;

namespace OktaBaton.Core.Okta;

/// <summary>How an <see cref="OktaClient"/> talks to one org.</summary>
public sealed class OktaClientOptions
{
    public OktaClientOptions(OktaOrgUrl org, IOktaAuthenticator authenticator)
    {
        Org = org ?? throw new ArgumentNullException(nameof(org));
        Authenticator = authenticator ?? throw new ArgumentNullException(nameof(authenticator));
    }

    public OktaOrgUrl Org { get; }

    public IOktaAuthenticator Authenticator { get; }

    /// <summary>Time limit for one attempt (sending, and reading the answer).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt, for 429s and transient failures together.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>The longest a single 429 wait may last.</summary>
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(70);

    /// <summary>
    /// The longest the client waits for a spent rate-limit window to reset. A 429, or a spent bucket, whose reset is
    /// further away fails at once with a clear OktaRateLimited error naming the reset, rather than stalling silently.
    /// Okta's windows are a minute long, so a reset further away means something else spent a long-lived limit.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// After a request could not reach the org at all, later requests fail at once instead of each retrying, and one
    /// request every this long tries again (a single attempt); any answer from the org ends it.
    /// </summary>
    public TimeSpan UnreachableProbeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First delay of the jittered exponential backoff for 5xx, timeouts and connection failures.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Pace every request by Okta's rate limits (default): one scheduler per client, for its whole life, shared by
    /// everything that uses the client. Off, requests go out at once and a 429 is only retried.
    /// </summary>
    public bool PaceByRateLimits { get; set; } = true;

    /// <summary>
    /// The share (more than 0, at most 1) of the rate limit Okta grants the token that the client may spend; 1 (the
    /// default) spends all of it, as Okta already holds each token to its share of every bucket and reports that
    /// ceiling in the X-Rate-Limit headers. A sync may adjust it (<see cref="OktaClient.AdjustPacing"/>).
    /// </summary>
    public double RateLimitShare { get; set; } = RateLimiting.RateLimitScheduler.DefaultShare;

    /// <summary>The most requests in flight at once; the client also stays within its share of one token's part (37) of Okta's org-wide limit of 75.</summary>
    public int ThrottleLimit { get; set; } = 16;

    /// <summary>Optional handler to share connections between clients; the client does not dispose it.</summary>
    public HttpMessageHandler? Handler { get; set; }

    /// <summary>A copy with another retry budget (Connect-Okta's probe answers a wrong domain quickly).</summary>
    public OktaClientOptions WithMaxRetries(int maxRetries) => new(Org, Authenticator)
    {
        RequestTimeout = RequestTimeout,
        MaxRetries = maxRetries,
        MaxRetryWait = MaxRetryWait,
        MaxRateLimitWait = MaxRateLimitWait,
        UnreachableProbeInterval = UnreachableProbeInterval,
        BaseBackoff = BaseBackoff,
        Handler = Handler,
        PaceByRateLimits = PaceByRateLimits,
        RateLimitShare = RateLimitShare,
        ThrottleLimit = ThrottleLimit,
        Gate = Gate,
    };

    /// <summary>Seam for another pacer than the client's own scheduler; called before every attempt and told every answer's headers.</summary>
    internal IRequestGate? Gate { get; set; }
}
