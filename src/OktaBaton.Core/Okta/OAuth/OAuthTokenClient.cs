using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Okta.OAuth;

/// <summary>
/// Asks the org authorization server for a client-credentials token with a private_key_jwt assertion.
/// Switches to DPoP when Okta answers invalid_dpop_proof, and replays once with the nonce Okta hands out
/// in a use_dpop_nonce answer. Every attempt carries a fresh assertion (Okta's jti is single use). Okta meters the
/// token endpoint like any other (the org authorization server's /oauth2/v1 bucket): a 429 waits for the bucket's
/// reset by the server's clock, when that is at most <see cref="MaxRateLimitWait"/> away, and asks again.
/// </summary>
internal sealed class OAuthTokenClient
{
    internal const string DPoPUserAgentExtension = "isDPoP:true";
    private const string JwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private const int MaxAttempts = 4;
    private const int MaxRateLimitedAttempts = 3;

    private readonly OAuthClientSettings _settings;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ClientAssertionBuilder _assertions;
    private readonly DPoPProofBuilder _proofs;
    private string? _nonce;

    public OAuthTokenClient(Uri tokenUrl, OAuthClientSettings settings, HttpClient http, TimeProvider time, DPoPProofBuilder proofs)
    {
        TokenUrl = tokenUrl;
        _settings = settings;
        _http = http;
        _time = time;
        _proofs = proofs;
        _assertions = new ClientAssertionBuilder(settings.ClientId, settings.KeyId, settings.Key);
        UseDPoP = settings.UseDPoP;
    }

    public Uri TokenUrl { get; }

    /// <summary>The longest wait for a rate-limited token endpoint's reset; a reset further away fails at once.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(61);

    /// <summary>True once DPoP is in use (asked for, or demanded by Okta).</summary>
    public bool UseDPoP { get; private set; }

    public async Task<OAuthAccessToken> RequestAsync(CancellationToken cancellationToken)
    {
        var replayedForNonce = false;
        var replayedForReuse = false;
        var rateLimited = 0;
        for (var attempt = 1; ; attempt++)
        {
            var now = _time.GetUtcNow();
            using var request = new HttpRequestMessage(HttpMethod.Post, TokenUrl)
            {
                Content = new FormUrlEncodedContent(new[]
                {
                    new KeyValuePair<string, string>("grant_type", "client_credentials"),
                    new KeyValuePair<string, string>("scope", string.Join(" ", _settings.Scopes)),
                    new KeyValuePair<string, string>("client_assertion_type", JwtBearerAssertionType),
                    new KeyValuePair<string, string>("client_assertion", _assertions.Build(TokenUrl, now)),
                }),
            };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (UseDPoP)
            {
                request.Headers.TryAddWithoutValidation("DPoP", _proofs.Build(HttpMethod.Post, TokenUrl, now, _nonce));
                request.Headers.TryAddWithoutValidation("x-okta-user-agent-extended", DPoPUserAgentExtension);
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new OAuthException(OAuthFailure.TokenEndpointError, $"Cannot reach the Okta token endpoint {TokenUrl.AbsoluteUri}: {e.Message}", e);
            }
            using (response)
            {
                RefuseRedirect(response);
                var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return ParseToken(body, now);

                if ((int)response.StatusCode == 429 && ++rateLimited < MaxRateLimitedAttempts && RateLimitWait(response) is { } wait)
                {
                    OktaRequestTrace.Write(FormattableString.Invariant($"the token endpoint is rate-limited: asking again in {wait.TotalSeconds:0.0} s"));
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                    attempt--; // a rate-limited request is not one of the DPoP dance's attempts
                    continue;
                }

                var (error, description) = ParseError(body);
                if (response.Headers.TryGetValues("DPoP-Nonce", out var nonces)) _nonce = nonces.FirstOrDefault() ?? _nonce;
                if (attempt < MaxAttempts)
                {
                    if (error == "invalid_dpop_proof" && !UseDPoP)
                    {
                        UseDPoP = true;
                        continue;
                    }
                    if (error == "use_dpop_nonce" && !replayedForNonce && _nonce != null)
                    {
                        UseDPoP = true;
                        replayedForNonce = true;
                        continue;
                    }
                    if (error == "invalid_client" && !replayedForReuse && (description ?? "").IndexOf("already been used", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        replayedForReuse = true;
                        continue;
                    }
                }
                var offset = response.Headers.Date is { } serverDate ? serverDate - _time.GetUtcNow() : (TimeSpan?)null;
                throw OAuthTokenErrorTranslator.Translate((int)response.StatusCode, error, description, _settings, TokenUrl, offset);
            }
        }
    }

    /// <summary>Reset − Date + 1 s (Okta's SDK rule), when the answer says and it is within <see cref="MaxRateLimitWait"/>.</summary>
    private TimeSpan? RateLimitWait(HttpResponseMessage response)
    {
        var wait = RateLimitInfo.FromHeaders(response.Headers)?.DelayUntilReset(_time.GetUtcNow());
        if (wait is null || wait.Value > MaxRateLimitWait) return null;
        return wait.Value < TimeSpan.Zero ? TimeSpan.Zero : wait.Value;
    }

    private OAuthAccessToken ParseToken(string body, DateTimeOffset requestedAt)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new JsonException("not an object");
            var token = root.TryGetProperty("access_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (string.IsNullOrEmpty(token)) throw new JsonException("no access_token");
            var type = root.TryGetProperty("token_type", out var tt) && tt.ValueKind == JsonValueKind.String ? tt.GetString() : "Bearer";
            var expiresIn = root.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt64() : 3600;
            var scope = root.TryGetProperty("scope", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            var isDPoP = string.Equals(type, "DPoP", StringComparison.OrdinalIgnoreCase);
            if (isDPoP) UseDPoP = true;
            var scopes = scope is null ? _settings.Scopes : OAuthTokenErrorTranslator.SplitScopes(scope);
            return new OAuthAccessToken(token!, isDPoP, requestedAt.AddSeconds(expiresIn), scopes);
        }
        catch (JsonException)
        {
            throw new OAuthException(OAuthFailure.TokenEndpointError,
                $"The Okta token endpoint {TokenUrl.AbsoluteUri} answered success without a usable access token; is -Domain an Okta org?");
        }
    }

    /// <summary>
    /// Token requests never follow redirects (the authenticator's own handler is told not to): a 3xx is a clear error
    /// naming where it pointed, and the assertion goes nowhere else.
    /// </summary>
    private void RefuseRedirect(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is < 300 or >= 400) return;
        var target = response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location : new Uri(TokenUrl, location)).GetLeftPart(UriPartial.Path)
            : "another address";
        throw new OAuthException(OAuthFailure.TokenEndpointError,
            $"The Okta token endpoint {TokenUrl.AbsoluteUri} redirected the token request to {target} (HTTP {status}). Token requests are never sent anywhere but the org: check that -Domain is your Okta org's own host name (yourorg.okta.com), not a custom domain or a proxy that redirects.",
            status);
    }

    private static (string? Error, string? Description) ParseError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, null);
            string? Get(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return (Get("error"), Get("error_description") ?? Get("errorSummary"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
