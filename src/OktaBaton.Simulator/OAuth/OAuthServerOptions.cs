namespace OktaBaton.Simulator.OAuth;

/// <summary>How the simulated org authorization server behaves.</summary>
public sealed class OAuthServerOptions
{
    public IList<OAuthClientRegistration> Clients { get; } = new List<OAuthClientRegistration>();

    /// <summary>Lifetime of issued access tokens; Okta's is one hour. Tests shorten it to exercise refresh.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far ahead a client assertion's exp may be (Okta: one hour).</summary>
    public TimeSpan MaxAssertionLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>DPoP proofs older than this are rejected (Okta: five minutes).</summary>
    public TimeSpan MaxProofAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Tolerated clock difference for iat in the future.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the DPoP nonce changes; the previous nonce stays valid for one more period.</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
