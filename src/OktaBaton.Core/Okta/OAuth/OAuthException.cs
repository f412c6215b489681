using System;

namespace OktaBaton.Core.Okta.OAuth;

/// <summary>
/// OAuth authentication failed. The message says what to change; it never contains a key, assertion, proof or token.
/// </summary>
public sealed class OAuthException : Exception
{
    public OAuthException(OAuthFailure failure, string message, int? statusCode = null, string? error = null, string? missingScope = null)
        : base(message)
    {
        Failure = failure;
        StatusCode = statusCode;
        Error = error;
        MissingScope = missingScope;
    }

    public OAuthException(OAuthFailure failure, string message, Exception innerException)
        : base(message, innerException)
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
}
