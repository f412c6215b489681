using Microsoft.AspNetCore.Http;

namespace OktaBaton.Simulator.OAuth;

/// <summary>The outcome of checking a resource call's OAuth credentials: allowed (with the token), or a 400/401/403 to send.</summary>
public sealed class OAuthResourceCheck
{
    private OAuthResourceCheck(IssuedAccessToken? token, int statusCode, string? wwwAuthenticate, string? nonce, string? errorCode, string? errorSummary)
    {
        Token = token;
        StatusCode = statusCode;
        WwwAuthenticate = wwwAuthenticate;
        DPoPNonce = nonce;
        OktaErrorCode = errorCode;
        OktaErrorSummary = errorSummary;
    }

    public bool Allowed => Token != null && StatusCode == 200;
    public IssuedAccessToken? Token { get; }
    public int StatusCode { get; }
    public string? WwwAuthenticate { get; }
    public string? DPoPNonce { get; }

    /// <summary>Okta error body fields for the failure (E0000011 invalid token, E0000006 forbidden).</summary>
    public string? OktaErrorCode { get; }
    public string? OktaErrorSummary { get; }

    internal static OAuthResourceCheck Allow(IssuedAccessToken token) => new(token, 200, null, null, null, null);

    internal static OAuthResourceCheck Unauthorized(string wwwAuthenticate, string? nonce = null) =>
        new(null, 401, wwwAuthenticate, nonce, "E0000011", "Invalid token provided");

    /// <summary>A DPoP proof Okta's resource server refuses: 400 invalid_dpop_proof with the DPoP challenge.</summary>
    internal static OAuthResourceCheck BadProof(string wwwAuthenticate) =>
        new(null, 400, wwwAuthenticate, null, "E0000011", "Invalid token provided");

    internal static OAuthResourceCheck Forbidden(string wwwAuthenticate) =>
        new(null, 403, wwwAuthenticate, null, "E0000006", "You do not have permission to perform the requested action");

    /// <summary>Sets status, WWW-Authenticate and DPoP-Nonce on a response (the caller writes the Okta error body).</summary>
    public void ApplyTo(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
        if (WwwAuthenticate != null) response.Headers.WWWAuthenticate = WwwAuthenticate;
        if (DPoPNonce != null) response.Headers["DPoP-Nonce"] = DPoPNonce;
    }
}
