using Microsoft.AspNetCore.Http;
using OktaBaton.Simulator.Auth;
using OktaBaton.Simulator.Model;

namespace OktaBaton.Simulator.SystemLog;

/// <summary>The change contexts the simulator knows: an API request (token or OAuth app) and the Admin Console.</summary>
internal static class ChangeContexts
{
    /// <summary>
    /// An API request: an API token acts as the user who owns it (transaction.detail.requestApiTokenId names the
    /// token); an OAuth service app acts as itself (<c>PublicClientApp</c>, client.id = its client id).
    /// </summary>
    public static ChangeContext ForRequest(HttpContext http, Caller caller, OrgState org)
    {
        LogActor actor = caller.ClientId is { } clientId
            ? new LogActor(clientId, "PublicClientApp", clientId, clientId)
            : UserActor(org, caller.OwnerUserId);
        var userAgent = http.Request.Headers.UserAgent.ToString();
        var client = new LogClient(http.Connection.RemoteIpAddress?.ToString(), userAgent.Length == 0 ? "UNKNOWN" : userAgent, caller.ClientId, "Unknown", "null");
        var requestId = http.Response.Headers["X-Okta-Request-Id"].ToString();
        return new ChangeContext(actor, client, new LogTransaction(requestId, "WEB", caller.ApiTokenId), http.Request.Path + http.Request.QueryString);
    }

    /// <summary>An administrator working in the Admin Console (a browser session, no API token).</summary>
    public static ChangeContext ForAdminConsole(HttpContext http, OrgState org, string adminUserId, string consolePath)
    {
        var client = new LogClient(http.Connection.RemoteIpAddress?.ToString(), ChangeContext.ConsoleUserAgent, null, "Computer", "null");
        var requestId = http.Response.Headers["X-Okta-Request-Id"].ToString();
        return new ChangeContext(UserActor(org, adminUserId), client, new LogTransaction(requestId, "WEB", null), consolePath);
    }

    /// <summary>A user signing in to Okta in a browser: the user is the actor.</summary>
    public static ChangeContext ForSignIn(HttpContext http, OrgState org, string userId)
    {
        var client = new LogClient(http.Connection.RemoteIpAddress?.ToString(), ChangeContext.ConsoleUserAgent, null, "Computer", "null");
        return new ChangeContext(UserActor(org, userId), client, new LogTransaction(Guid.NewGuid().ToString("N"), "WEB", null), "/api/v1/authn");
    }

    private static LogActor UserActor(OrgState org, string userId) =>
        org.FindUser(userId) is { } user
            ? new LogActor(user.Id, "User", user.Profile.Login, OrgState.DisplayNameOf(user))
            : new LogActor(userId, "User", "unknown", "unknown");
}
