using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace OktaBaton.Core.Okta.OAuth;

/// <summary>Turns a token endpoint error into an <see cref="OAuthException"/> whose message says what to fix.</summary>
internal static class OAuthTokenErrorTranslator
{
    private static readonly Regex CompactJws = new Regex("[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}", RegexOptions.CultureInvariant);

    public static OAuthException Translate(
        int status, string? error, string? description, OAuthClientSettings settings, Uri tokenUrl, TimeSpan? clockOffset)
    {
        var said = Clean(description);
        var saidSuffix = said.Length > 0 ? $" (Okta: \"{said}\")" : "";
        var lower = said.ToLowerInvariant();
        string clockHint = clockOffset is { } offset && Math.Abs(offset.TotalSeconds) >= 30
            ? $" This computer's clock is about {Math.Abs((int)offset.TotalSeconds)} s {(offset > TimeSpan.Zero ? "behind" : "ahead of")} Okta's; synchronise it (w32tm /resync, timedatectl, or NTP) and connect again."
            : " Check that this computer's clock is correct (synchronise it with NTP) and connect again.";

        OAuthException Fail(OAuthFailure failure, string message) => new OAuthException(failure, message, status, error);

        switch (error)
        {
            case "invalid_client" when lower.Contains("kid"):
                return Fail(OAuthFailure.InvalidKeyId,
                    $"Okta does not know key id '{settings.KeyId}' for client '{settings.ClientId}'. Pass the KID shown under the app's Public keys (Okta Admin Console > the app > General) as -KeyId.{saidSuffix}");
            case "invalid_client" when lower.Contains("signature"):
                return Fail(OAuthFailure.InvalidSignature,
                    $"Okta could not verify the client assertion with the public key registered as '{settings.KeyId}' for client '{settings.ClientId}': the private key given is not the one registered under that key id. Check -PrivateKey/-PrivateKeyPath and -KeyId.{saidSuffix}");
            case "invalid_client" when lower.Contains("audience"):
                return Fail(OAuthFailure.InvalidAudience,
                    $"Okta rejected the client assertion's audience '{tokenUrl.AbsoluteUri}'. Use the org URL as -Domain (https://yourorg.okta.com — not the -admin URL and not a custom authorization server).{saidSuffix}");
            case "invalid_client" when lower.Contains("already been used") || lower.Contains("already used"):
                return Fail(OAuthFailure.AssertionReused,
                    $"Okta says the client assertion for client '{settings.ClientId}' was already used. Connect again; if this persists, another process may be replaying requests.{saidSuffix}");
            case "invalid_client" when IsAboutTime(lower):
                return Fail(OAuthFailure.ClockSkew, $"Okta rejected the times in the client assertion for client '{settings.ClientId}'.{clockHint}{saidSuffix}");
            case "invalid_client":
                return Fail(OAuthFailure.InvalidClient,
                    $"Okta rejected client '{settings.ClientId}'. Check -ClientId and that the app is an API Services app whose client authentication is 'Public key / Private key'.{saidSuffix}");
            case "invalid_scope":
                return Fail(OAuthFailure.InvalidScope,
                    $"Okta refused the requested scopes ({string.Join(" ", settings.Scopes)}). Grant them to the service app (Okta Admin Console > the app > Okta API Scopes) or request only granted ones with -Scope.{saidSuffix}");
            case "invalid_dpop_proof":
            case "use_dpop_nonce":
                return Fail(OAuthFailure.DPoPProofRejected,
                    IsAboutTime(lower)
                        ? $"Okta rejected the DPoP proof's time.{clockHint}{saidSuffix}"
                        : $"Okta rejected the DPoP proof for client '{settings.ClientId}'.{saidSuffix}");
            case "unauthorized_client":
                return Fail(OAuthFailure.InvalidClient,
                    $"Client '{settings.ClientId}' may not use the client credentials grant. Make it an API Services app (Okta Admin Console > the app > General > Grant type: Client Credentials).{saidSuffix}");
        }
        if (status == 429)
            return Fail(OAuthFailure.TokenEndpointError, "Okta rate-limited the token endpoint (HTTP 429) and the limit did not reset in time. Wait a minute and connect again.");
        return Fail(OAuthFailure.TokenEndpointError,
            $"The Okta token endpoint {tokenUrl.AbsoluteUri} answered HTTP {status}{(error is null ? "" : " " + error)}.{saidSuffix}");
    }

    private static bool IsAboutTime(string lower)
    {
        foreach (var word in new[] { "expired", "expiration", "future", "iat", "too old", "clock", "not yet valid", "issued" })
            if (lower.Contains(word)) return true;
        return false;
    }

    /// <summary>Okta's descriptions are plain text; drop anything shaped like a JWT just in case, and keep it short.</summary>
    internal static string Clean(string? description)
    {
        if (string.IsNullOrWhiteSpace(description)) return "";
        var text = CompactJws.Replace(description!.Trim(), "[redacted]");
        return text.Length > 300 ? text.Substring(0, 300) + "…" : text;
    }

    internal static IReadOnlyList<string> SplitScopes(string? scope) =>
        string.IsNullOrWhiteSpace(scope) ? Array.Empty<string>() : scope!.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
}
