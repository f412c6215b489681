using System.Text.Json;

namespace OktaBaton.Simulator.OAuth;

/// <summary>Checks a DPoP proof (RFC 9449) the way Okta does. Returns null when valid, else a description.</summary>
internal sealed class DPoPProofValidator
{
    private readonly OAuthServerOptions _options;
    private readonly ReplayCache _usedProofIds = new();

    public DPoPProofValidator(OAuthServerOptions options) => _options = options;

    public string? Validate(string proof, string method, string targetUri, string? accessToken, out SimJws? parsed, out string? keyThumbprint)
    {
        keyThumbprint = null;
        parsed = SimJws.TryParse(proof);
        if (parsed is null) return "The DPoP proof JWT is malformed.";
        if (parsed.HeaderString("typ") != "dpop+jwt") return "The DPoP proof JWT header 'typ' must be 'dpop+jwt'.";
        if (!parsed.Header.TryGetProperty("jwk", out var jwk) || SimPublicKey.FromJwk(jwk) is not { } key)
            return "The DPoP proof JWT header 'jwk' is missing or invalid.";
        if (jwk.TryGetProperty("d", out _)) return "The DPoP proof JWT header 'jwk' must not contain a private key.";
        if (!key.Verify(parsed.Algorithm, parsed.SigningInput, parsed.Signature)) return "The DPoP proof signature is invalid.";
        if (parsed.ClaimString("htm") != method) return "'htm' claim in the DPoP proof JWT is invalid.";
        if (parsed.ClaimString("htu") != targetUri) return "'htu' claim in the DPoP proof JWT is invalid.";
        var now = _options.TimeProvider.GetUtcNow();
        if (parsed.ClaimSeconds("iat") is not { } iatSeconds) return "The DPoP proof 'iat' claim is missing.";
        var iat = DateTimeOffset.FromUnixTimeSeconds(iatSeconds);
        if (iat > now + _options.ClockSkew) return "The DPoP proof 'iat' is in the future; check the client's clock.";
        if (now - iat > _options.MaxProofAge) return "The DPoP proof is too old ('iat' more than 5 minutes ago); check the client's clock.";
        if (accessToken != null)
        {
            var expected = SimJws.Encode(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(accessToken)));
            if (parsed.ClaimString("ath") != expected) return "The DPoP proof 'ath' claim does not match the access token.";
        }
        if (parsed.ClaimString("jti") is not { Length: > 0 } jti) return "The DPoP proof 'jti' claim is missing.";
        if (!_usedProofIds.TryUse(jti, iat + _options.MaxProofAge + _options.ClockSkew, now))
            return "The DPoP proof 'jti' has already been used.";
        keyThumbprint = key.Thumbprint;
        return null;
    }

    public static string? Nonce(SimJws proof) => proof.ClaimString("nonce");

    internal static JsonElement? Jwk(SimJws proof) => proof.Header.TryGetProperty("jwk", out var jwk) ? jwk : null;
}
