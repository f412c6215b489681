using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Okta;

/// <summary>Turns an error answer into an <see cref="OktaApiException"/>, whatever its body looks like.</summary>
internal static class OktaErrorReader
{
    private const int MaxBodyBytes = 64 * 1024;

    public static async Task<OktaApiException> ReadAsync(HttpResponseMessage response, string method, string path,
        RateLimitInfo? rateLimit, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var requestId = RequestIdOf(response);
        var body = await ReadLimitedAsync(response, cancellationToken).ConfigureAwait(false);

        string? errorCode = null, errorSummary = null, errorId = null, detail = null;
        var causes = new List<string>();
        if (!TryReadOktaError(body, ref errorCode, ref errorSummary, ref errorId, causes))
        {
            errorSummary = response.ReasonPhrase;
            var mediaType = response.Content?.Headers.ContentType?.MediaType;
            detail = body.Length == 0
                ? "(empty answer)"
                : $"(non-JSON answer{(mediaType is null ? string.Empty : ", " + mediaType)}, {body.Length} bytes)";
        }

        var challenge = OAuth.OAuthChallenge.FromResponse(response);
        var insufficientScope = string.Equals(challenge?.Error, "insufficient_scope", StringComparison.Ordinal);
        if (insufficientScope)
        {
            var explanation = DescribeInsufficientScope(challenge!.Scope);
            detail = detail is null ? explanation : detail + " " + explanation;
        }

        // Okta's resource server refuses a DPoP proof with 400 (not 401) and error="invalid_dpop_proof" in a DPoP challenge.
        var proofRejected = string.Equals(challenge?.Error, "invalid_dpop_proof", StringComparison.Ordinal);
        if (proofRejected)
        {
            var explanation = $"(invalid_dpop_proof: Okta refused the DPoP proof{(string.IsNullOrEmpty(challenge!.ErrorDescription) ? "" : ": " + challenge.ErrorDescription)})";
            detail = detail is null ? explanation : detail + " " + explanation;
        }

        return new OktaApiException(status, errorCode, errorSummary, errorId, causes, requestId, method, path, rateLimit, detail,
            insufficientScope && !string.IsNullOrEmpty(challenge!.Scope) ? challenge.Scope : null)
        {
            OAuthError = challenge?.Error,
        };
    }

    public static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Okta-Request-Id", out var values) ? values.FirstOrDefault() : null;

    private static bool TryReadOktaError(byte[] body, ref string? errorCode, ref string? errorSummary,
        ref string? errorId, List<string> causes)
    {
        if (body.Length == 0)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            errorCode = StringOf(root, "errorCode");
            errorSummary = StringOf(root, "errorSummary");
            errorId = StringOf(root, "errorId");
            if (root.TryGetProperty("errorCauses", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var cause in list.EnumerateArray())
                {
                    var summary = cause.ValueKind == JsonValueKind.Object ? StringOf(cause, "errorSummary") : null;
                    if (!string.IsNullOrEmpty(summary))
                    {
                        causes.Add(summary!);
                    }
                }
            }

            // OAuth endpoints answer {"error": "...", "error_description": "..."}.
            errorCode ??= StringOf(root, "error");
            errorSummary ??= StringOf(root, "error_description");
            return errorCode is not null || errorSummary is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string DescribeInsufficientScope(string? scope) =>
        string.IsNullOrEmpty(scope)
            ? "(insufficient_scope: the access token lacks a scope this call needs)"
            : $"(insufficient_scope: the access token lacks scope '{scope}'; grant it to the service app under Okta API Scopes and include it in -Scope)";

    private static async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return Array.Empty<byte>();
        }

        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        while (buffer.Length < MaxBodyBytes)
        {
            var read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
