using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OktaBaton.Simulator.OAuth;

/// <summary>Wires the org authorization server into an ASP.NET Core app.</summary>
public static class OAuthEndpointExtensions
{
    /// <summary>Maps POST /oauth2/v1/token.</summary>
    public static IEndpointConventionBuilder MapOktaTokenEndpoint(this IEndpointRouteBuilder endpoints, OAuthAuthority authority)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var tokenEndpoint = new OAuthTokenEndpoint(authority);
        return endpoints.MapPost(OAuthTokenEndpoint.Path, tokenEndpoint.HandleAsync);
    }

    /// <summary>
    /// Writes a failed check as Okta does: status, WWW-Authenticate, DPoP-Nonce and an Okta error body.
    /// </summary>
    public static async Task WriteFailureAsync(this OAuthResourceCheck check, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(context);
        check.ApplyTo(context.Response);
        var body = Http.ErrorBody.Create(check.OktaErrorCode!, check.OktaErrorSummary!);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
