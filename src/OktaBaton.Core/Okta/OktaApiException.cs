using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OktaBaton.Core.Okta;

/// <summary>
/// Okta answered with an error status. Carries Okta's error fields and request id; never a token,
/// an Authorization header or a query string.
/// </summary>
public sealed class OktaApiException : Exception
{
    public OktaApiException(int statusCode, string? errorCode, string? errorSummary, string? errorId,
        IReadOnlyList<string>? errorCauses, string? requestId, string method, string path)
        : this(statusCode, errorCode, errorSummary, errorId, errorCauses, requestId, method, path, null, null)
    {
    }

    internal OktaApiException(int statusCode, string? errorCode, string? errorSummary, string? errorId,
        IReadOnlyList<string>? errorCauses, string? requestId, string method, string path, RateLimitInfo? rateLimit,
        string? detail, string? missingScope = null)
        : base(BuildMessage(statusCode, errorCode, errorSummary, errorCauses, requestId, method, path, detail))
    {
        MissingScope = missingScope;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorSummary = errorSummary;
        ErrorId = errorId;
        ErrorCauses = errorCauses ?? Array.Empty<string>();
        RequestId = requestId;
        Method = method ?? string.Empty;
        Path = path ?? string.Empty;
        RateLimit = rateLimit;
    }

    public int StatusCode { get; }

    /// <summary>The OAuth scope Okta said the access token lacks (403 insufficient_scope), when it named one.</summary>
    public string? MissingScope { get; }

    /// <summary>Okta's errorCode, e.g. E0000007. Program on this, not on the summary.</summary>
    public string? ErrorCode { get; }

    public string? ErrorSummary { get; }

    public string? ErrorId { get; }

    public IReadOnlyList<string> ErrorCauses { get; }

    /// <summary>The X-Okta-Request-Id of the failing answer, for Okta support and the System Log.</summary>
    public string? RequestId { get; }

    public string Method { get; }

    /// <summary>The request path without its query string.</summary>
    public string Path { get; }

    /// <summary>The rate-limit headers of the failing answer, when it had them.</summary>
    public RateLimitInfo? RateLimit { get; }

    /// <summary>The error of the answer's OAuth challenge (WWW-Authenticate), e.g. insufficient_scope or invalid_dpop_proof.</summary>
    public string? OAuthError { get; internal set; }

    /// <summary>Okta refused the request's DPoP proof (400 invalid_dpop_proof at its resource server, or 401).</summary>
    public bool IsDPoPProofRejected => string.Equals(OAuthError, "invalid_dpop_proof", StringComparison.Ordinal);

    public bool IsNotFound => StatusCode == 404;

    /// <summary>403 for lack of permission (E0000006, insufficient scope) — not the 403 E0000005 of a bad session.</summary>
    public bool IsPermissionDenied => StatusCode == 403 && !IsInvalidSession;

    public bool IsUnauthorized => StatusCode == 401;

    /// <summary>The credentials themselves failed: 401, or Okta's 403 E0000005 "Invalid session".</summary>
    public bool IsAuthenticationFailure => IsUnauthorized || IsInvalidSession || IsDPoPProofRejected;

    private bool IsInvalidSession => StatusCode == 403 && ErrorCode == "E0000005";

    public bool IsRateLimited => StatusCode == 429;

    public bool IsConflict => StatusCode == 409;

    public bool IsValidationError => StatusCode == 400;

    private static string BuildMessage(int statusCode, string? errorCode, string? errorSummary,
        IReadOnlyList<string>? errorCauses, string? requestId, string method, string path, string? detail)
    {
        var text = new StringBuilder("Okta answered ");
        text.Append(statusCode.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(errorCode))
        {
            text.Append(' ').Append(errorCode);
        }

        if (!string.IsNullOrEmpty(errorSummary))
        {
            text.Append(' ').Append(errorSummary);
        }

        if (errorCauses is { Count: > 0 })
        {
            text.Append(" (").Append(string.Join("; ", errorCauses)).Append(')');
        }

        if (!string.IsNullOrEmpty(detail))
        {
            text.Append(' ').Append(detail);
        }

        text.Append(" for ").Append(method).Append(' ').Append(path);
        if (!string.IsNullOrEmpty(requestId))
        {
            text.Append(" (request id ").Append(requestId).Append(')');
        }

        return text.ToString();
    }
}
