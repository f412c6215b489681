using Microsoft.AspNetCore.Http;

namespace OktaBaton.Simulator.Auth;

/// <summary>One <c>Authorization</c> scheme (SSWS today; Bearer and DPoP plug in here).</summary>
public interface IAuthorizationSchemeHandler
{
    /// <summary>The scheme word before the credentials, e.g. "SSWS", "Bearer", "DPoP".</summary>
    string Scheme { get; }

    /// <summary>Checks the credentials; returns the caller, or an <see cref="AuthFailure"/> describing Okta's answer.</summary>
    AuthResult Authenticate(HttpContext context, string credentials);
}

public sealed record AuthFailure(int StatusCode, string ErrorCode, string ErrorSummary, string? WwwAuthenticate = null);

public readonly record struct AuthResult(Caller? Caller, AuthFailure? Failure)
{
    public static AuthResult Success(Caller caller) => new(caller, null);
    public static AuthResult Fail(AuthFailure failure) => new(null, failure);
}
