namespace OktaBaton.Simulator.Auth;

/// <summary>
/// Whom Okta meters a request to besides the org: an API token or an OAuth 2.0 app, with the share of each bucket
/// it may spend (<c>defaultPercentage</c> of Okta's principal rate limits, 50 unless configured).
/// </summary>
public sealed record RatePrincipal(string Id, int Percent)
{
    /// <summary>Okta's default: "each API token or OAuth 2.0 app can use up to 50% of a bucket's total rate limit"
    /// (developer.okta.com/docs/reference/rl2-token-oauth).</summary>
    public const int DefaultPercent = 50;

    /// <summary>Okta's Admin Console accepts 5 % to 100 % per token (support.okta.com, "How to Set API Token Rate Limits").</summary>
    public const int MinimumPercent = 5;

    public const int MaximumPercent = 100;

    public static bool IsValidPercent(int percent) => percent is >= MinimumPercent and <= MaximumPercent;
}
