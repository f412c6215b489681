namespace OktaBaton.Simulator;

public enum RateLimitMode
{
    /// <summary>Okta Workforce per-minute limits per bucket.</summary>
    Workforce,
    /// <summary>Headers are still sent, with a limit nobody reaches.</summary>
    Unlimited,
}
