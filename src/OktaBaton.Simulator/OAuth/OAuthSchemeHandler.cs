using Microsoft.AspNetCore.Http;
using OktaBaton.Simulator.Auth;

namespace OktaBaton.Simulator.OAuth;

/// <summary><c>Authorization: Bearer|DPoP &lt;access token&gt;</c>: the resource guard, then the client's admin permissions.</summary>
internal sealed class OAuthSchemeHandler : IAuthorizationSchemeHandler
{
    private readonly OAuthResourceGuard _guard;
    private readonly OAuthAuthority _authority;
    private readonly string _ownerUserId;
    private readonly int _defaultRateLimitPercent;

    public OAuthSchemeHandler(string scheme, OAuthAuthority authority, string ownerUserId, int defaultRateLimitPercent)
    {
        Scheme = scheme;
        _authority = authority;
        _guard = new OAuthResourceGuard(authority);
        _ownerUserId = ownerUserId;
        _defaultRateLimitPercent = defaultRateLimitPercent;
    }

    public string Scheme { get; }

    public AuthResult Authenticate(HttpContext context, string credentials)
    {
        var check = _guard.Check(context.Request);
        if (!check.Allowed)
        {
            if (check.DPoPNonce != null) context.Response.Headers["DPoP-Nonce"] = check.DPoPNonce;
            return AuthResult.Fail(new AuthFailure(check.StatusCode, check.OktaErrorCode!, check.OktaErrorSummary!, check.WwwAuthenticate));
        }
        var client = _authority.FindClient(check.Token!.ClientId)!;
        var principal = new RatePrincipal("oauth-app-" + client.ClientId, client.RateLimitPercent ?? _defaultRateLimitPercent);
        return AuthResult.Success(new Caller(_ownerUserId, PermissionProfiles.ForProfile(client.Profile), "OAuth") { ClientId = client.ClientId, RatePrincipal = principal });
    }
}
