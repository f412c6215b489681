using Microsoft.AspNetCore.Http;

namespace OktaBaton.Simulator.Auth;

/// <summary><c>Authorization: SSWS &lt;token&gt;</c> against the configured tokens.</summary>
internal sealed class SswsSchemeHandler : IAuthorizationSchemeHandler
{
    private readonly Dictionary<string, Caller> _callers = new(StringComparer.Ordinal);
    private readonly Func<string, bool>? _isRevoked;

    /// <param name="tokenIdOf">The API token id (00T…) of the token at a position in <paramref name="tokens"/>.</param>
    /// <param name="isRevoked">Whether the API token with that id was revoked: it is then refused like an unknown one.</param>
    public SswsSchemeHandler(IEnumerable<SimulatorToken> tokens, Func<SimulatorToken, string> ownerOf, int defaultRateLimitPercent, Func<int, string>? tokenIdOf = null, Func<string, bool>? isRevoked = null)
    {
        _isRevoked = isRevoked;
        var position = 0;
        foreach (var token in tokens)
        {
            // The principal id stands for the token without holding its value.
            var principal = new RatePrincipal($"api-token-{position}", token.RateLimitPercent ?? defaultRateLimitPercent);
            _callers[token.Value] = new Caller(ownerOf(token), PermissionProfiles.ForProfile(token.Profile), "SSWS")
            {
                ApiTokenId = tokenIdOf?.Invoke(position),
                RatePrincipal = principal,
            };
            position++;
        }
    }

    public string Scheme => "SSWS";

    public AuthResult Authenticate(HttpContext context, string credentials) =>
        _callers.TryGetValue(credentials, out var caller) && !(caller.ApiTokenId is { } id && _isRevoked?.Invoke(id) == true)
            ? AuthResult.Success(caller)
            : AuthResult.Fail(new AuthFailure(401, "E0000011", "Invalid token provided"));
}
