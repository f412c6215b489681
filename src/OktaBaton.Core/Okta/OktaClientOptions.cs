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

    /// <summary>First delay of the jittered exponential backoff for 5xx, timeouts and connection failures.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Optional handler to share connections between clients; the client does not dispose it.</summary>
    public HttpMessageHandler? Handler { get; set; }

    /// <summary>Seam for a per-bucket rate-limit scheduler; called before every attempt and told every answer's headers.</summary>
    internal IRequestGate? Gate { get; set; }
}
