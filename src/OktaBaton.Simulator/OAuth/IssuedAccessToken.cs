namespace OktaBaton.Simulator.OAuth;

/// <summary>An access token the simulator issued. <see cref="BoundKeyThumbprint"/> is set for DPoP-bound tokens.</summary>
public sealed record IssuedAccessToken(
    string ClientId,
    IReadOnlySet<string> Scopes,
    DateTimeOffset ExpiresAt,
    string? BoundKeyThumbprint)
{
    public string TokenType => BoundKeyThumbprint is null ? "Bearer" : "DPoP";

    /// <summary>Okta's manage scopes include read.</summary>
    public bool HasScope(string scope) =>
        Scopes.Contains(scope) ||
        (scope.EndsWith(".read", StringComparison.Ordinal) && Scopes.Contains(scope[..^".read".Length] + ".manage"));
}
