using Microsoft.AspNetCore.Http;

namespace OktaBaton.Simulator.Auth;

/// <summary>Picks the scheme handler named by the <c>Authorization</c> header.</summary>
public sealed class RequestAuthenticator
{
    private static readonly AuthFailure InvalidSession = new(403, "E0000005", "Invalid session");
    private readonly Dictionary<string, IAuthorizationSchemeHandler> _handlers = new(StringComparer.OrdinalIgnoreCase);

    public void Register(IAuthorizationSchemeHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[handler.Scheme] = handler;
    }

    public AuthResult Authenticate(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return AuthResult.Fail(InvalidSession);
        }
        var scheme = header[..space];
        var credentials = header[(space + 1)..].Trim();
        if (credentials.Length == 0 || !_handlers.TryGetValue(scheme, out var handler))
        {
            return AuthResult.Fail(InvalidSession);
        }
        return handler.Authenticate(context, credentials);
    }
}
