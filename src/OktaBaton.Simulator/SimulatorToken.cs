namespace OktaBaton.Simulator;

/// <summary>An SSWS API token the simulated org accepts, with its permission profile
/// (<c>super-admin</c>, <c>read-only</c>, <c>custom-read-only</c>, <c>read-only+app-admin+group-admin</c>, <c>no-admin-role</c>)
/// and its share of each rate-limit bucket in percent (null: <see cref="SimulatorOptions.PrincipalRateLimitPercent"/>).</summary>
public sealed record SimulatorToken(string Value, string Profile = "super-admin", int? RateLimitPercent = null)
{
    // The value is a secret: keep it out of logs and test output.
    public override string ToString() => $"SimulatorToken {{ Profile = {Profile}, RateLimitPercent = {RateLimitPercent} }}";
}
