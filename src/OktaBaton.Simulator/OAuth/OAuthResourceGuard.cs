using Microsoft.AspNetCore.Http;

namespace OktaBaton.Simulator.OAuth;

/// <summary>
/// Resource-side check of an OAuth access token: Bearer or DPoP (proof with ath, htm, htu, freshness, key bound
/// to the token, server nonce), then the endpoint's scope. Okta-shaped WWW-Authenticate on every failure.
/// </summary>
public sealed class OAuthResourceGuard
{
    private const string SupportedProofAlgorithms = "RS256 RS384 RS512 ES256 ES384 ES512";
    private readonly OAuthAuthority _authority;

    public OAuthResourceGuard(OAuthAuthority authority) => _authority = authority;

    /// <summary>True when the request carries a Bearer or DPoP Authorization header (otherwise it is not ours).</summary>
    public static bool IsOAuthRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
               || authorization.StartsWith("DPoP ", StringComparison.OrdinalIgnoreCase);
    }

    public OAuthResourceCheck Check(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers.Authorization.ToString();
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space > 0 ? authorization[..space] : authorization;
        var presented = space > 0 ? authorization[(space + 1)..].Trim() : "";
        var isDPoP = scheme.Equals("DPoP", StringComparison.OrdinalIgnoreCase);
        var challengeScheme = isDPoP ? "DPoP" : "Bearer";
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var path = request.Path.Value ?? "/";
        var requiredScope = OAuthScopeRequirements.RequiredScope(request.Method, path);

        // Okta's DPoP challenge names the proof algorithms it accepts first (okta/okta-sdk-nodejs#453 shows one verbatim).
        string Challenge(string error, string description) =>
            $"{challengeScheme} {(isDPoP ? "algs=\"" + SupportedProofAlgorithms + "\", " : "")}authorization_uri=\"{baseUrl}/oauth2/v1/authorize\", realm=\"{baseUrl}\"" +
            (requiredScope is null ? "" : $", scope=\"{requiredScope}\"") +
            $", error=\"{error}\", error_description=\"{description}\", resource=\"{path}\"";

        var token = _authority.Find(presented);
        if (token is null) return OAuthResourceCheck.Unauthorized(Challenge("invalid_token", "The access token is invalid."));
        if (token.ExpiresAt <= _authority.Options.TimeProvider.GetUtcNow())
            return OAuthResourceCheck.Unauthorized(Challenge("invalid_token", "The access token is expired."));
        if (token.BoundKeyThumbprint != null && !isDPoP)
            return OAuthResourceCheck.Unauthorized(Challenge("invalid_token", "The access token is DPoP-bound; present it with the DPoP scheme and a proof."));
        if (token.BoundKeyThumbprint is null && isDPoP)
            return OAuthResourceCheck.Unauthorized(Challenge("invalid_token", "The access token is not DPoP-bound; present it with the Bearer scheme."));

        if (isDPoP)
        {
            var proof = request.Headers["DPoP"].ToString();
            // Okta answers a bad proof at its resource server with 400 invalid_dpop_proof, not 401, and compares htu with
            // the request URI after decoding its percent-escapes (okta/okta-sdk-python#541: a login's "@" sent as %40).
            // ASP.NET Core's Request.Path is that decoded path.
            if (proof.Length == 0) return OAuthResourceCheck.BadProof(Challenge("invalid_dpop_proof", "The DPoP proof JWT header is missing."));
            var problem = _authority.Proofs.Validate(proof, request.Method.ToUpperInvariant(), baseUrl + path, presented, out var parsed, out var thumbprint);
            if (problem != null) return OAuthResourceCheck.BadProof(Challenge("invalid_dpop_proof", problem));
            if (thumbprint != token.BoundKeyThumbprint)
                return OAuthResourceCheck.BadProof(Challenge("invalid_dpop_proof", "The DPoP proof key does not match the key the access token is bound to."));
            if (!_authority.Nonces.IsValid(DPoPProofValidator.Nonce(parsed!)))
                return OAuthResourceCheck.Unauthorized(Challenge("use_dpop_nonce", "Resource server requires nonce in DPoP proof."), _authority.Nonces.Current);
        }

        if (requiredScope != null && !token.HasScope(requiredScope))
            return OAuthResourceCheck.Forbidden(Challenge("insufficient_scope", "The access token provided does not contain the required scopes."));
        return OAuthResourceCheck.Allow(token);
    }
}
