using System;

namespace OktaBaton.Core.Okta.OAuth;

/// <summary>
/// OAuth authentication failed. The message says what to change; it never contains a key, assertion, proof or
/// token. <see cref="OktaOperationException.ErrorId"/> is "OktaOAuth" + the <see cref="OAuthFailure"/> name.
/// </summary>
public sealed class OAuthException : OktaOperationException
{
    public OAuthException(OAuthFailure failure, string message, int? statusCode = null, string? error = null, string? missingScope = null)
        : base("OktaOAuth" + failure, KindOf(failure, statusCode), message)
    {
        Failure = failure;
        StatusCode = statusCode;
        Error = error;
        MissingScope = missingScope;
    }

    public OAuthException(OAuthFailure failure, string message, Exception innerException)
        : base("OktaOAuth" + failure, OktaFailureKind.ConnectionFailed, message, innerException)
    {
        Failure = failure;
    }

    public OAuthFailure Failure { get; }

    /// <summary>HTTP status of the failing answer, when there was one.</summary>
    public int? StatusCode { get; }

    /// <summary>The OAuth error code (invalid_client, invalid_scope, …), when Okta sent one.</summary>
    public string? Error { get; }

    /// <summary>For <see cref="OAuthFailure.InsufficientScope"/>: the scope to grant.</summary>
    public string? MissingScope { get; }

    private static OktaFailureKind KindOf(OAuthFailure failure, int? statusCode) => failure switch
    {
        OAuthFailure.InsufficientScope => OktaFailureKind.PermissionDenied,
        OAuthFailure.TokenEndpointError when statusCode == 429 => OktaFailureKind.RateLimited,
        OAuthFailure.TokenEndpointError => OktaFailureKind.ServerError,
        _ => OktaFailureKind.AuthenticationFailed,
    };
}
