using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Okta.OAuth;

/// <summary>
/// Authenticates Okta management calls with an OAuth 2.0 service app (client credentials, private_key_jwt),
/// Bearer or DPoP. The token is cached until <see cref="RefreshMargin"/> before it expires; concurrent callers
/// share one refresh. DPoP proofs are minted per attempt, with the server's nonce once known.
/// </summary>
public sealed class OAuthAuthenticator : IOktaAuthenticator, IDisposable
{
    private readonly OAuthClientSettings _settings;
    private readonly TimeProvider _time;
    private readonly OAuthTokenClient _tokens;
    private readonly DPoPProofBuilder _proofs;
    private readonly SemaphoreSlim _refresh = new SemaphoreSlim(1, 1);
    private readonly HttpClient? _ownedHttp;
    private volatile OAuthAccessToken? _current;
    private volatile string? _resourceNonce;

    /// <param name="orgBaseUri">The org URL, e.g. https://example.okta.com; the token URL is {org}/oauth2/v1/token.</param>
    /// <param name="settings">Client id, key id, private key, scopes.</param>
    /// <param name="httpClient">Used for token requests; not disposed by the authenticator. Give it a handler that does not
    /// follow redirects: a redirect answered by the token endpoint is refused, but a client that follows it has already re-posted the assertion.</param>
    /// <param name="timeProvider">Clock for assertions, proofs and expiry; the system clock when null.</param>
    public OAuthAuthenticator(Uri orgBaseUri, OAuthClientSettings settings, HttpClient httpClient, TimeProvider? timeProvider = null)
    {
        if (orgBaseUri is null) throw new ArgumentNullException(nameof(orgBaseUri));
        if (httpClient is null) throw new ArgumentNullException(nameof(httpClient));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _time = timeProvider ?? TimeProvider.System;
        _proofs = new DPoPProofBuilder(settings.Key);
        _tokens = new OAuthTokenClient(TokenUrlFor(orgBaseUri), settings, httpClient, _time, _proofs);
    }

    /// <summary>
    /// Creates its own HttpClient for token requests and disposes it with the authenticator. It never follows a redirect:
    /// the signed client assertion goes to the org's token endpoint and nowhere else.
    /// </summary>
    public OAuthAuthenticator(Uri orgBaseUri, OAuthClientSettings settings, TimeSpan tokenRequestTimeout, TimeProvider? timeProvider = null)
        : this(orgBaseUri, settings, NoRedirectClient(tokenRequestTimeout), timeProvider, owned: true)
    {
    }

    private static HttpClient NoRedirectClient(TimeSpan timeout) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }, disposeHandler: true) { Timeout = timeout };

    private OAuthAuthenticator(Uri orgBaseUri, OAuthClientSettings settings, HttpClient httpClient, TimeProvider? timeProvider, bool owned)
        : this(orgBaseUri, settings, httpClient, timeProvider)
    {
        if (owned) _ownedHttp = httpClient;
    }

    public string Method => "OAuth";

    public Uri TokenUrl => _tokens.TokenUrl;

    public string ClientId => _settings.ClientId;

    /// <summary>True when requests carry DPoP-bound tokens and proofs.</summary>
    public bool UsesDPoP => _current?.IsDPoP ?? _tokens.UseDPoP;

    /// <summary>Scopes of the current token (what Okta granted), or the requested scopes before the first token.</summary>
    public IReadOnlyList<string> Scopes => _current?.Scopes ?? _settings.Scopes;

    /// <summary>When the cached token expires, if there is one.</summary>
    public DateTimeOffset? TokenExpiresAt => _current?.ExpiresAt;

    /// <summary>How many tokens were fetched so far.</summary>
    public int TokenRequests { get; private set; }

    /// <summary>
    /// The longest a token request waits for a rate-limited token endpoint to reset (default 61 s, Okta's minute
    /// window and a second); a reset further away fails the request with a rate-limit error at once.
    /// </summary>
    public TimeSpan TokenRateLimitWait
    {
        get => _tokens.MaxRateLimitWait;
        set => _tokens.MaxRateLimitWait = value < TimeSpan.Zero ? throw new ArgumentOutOfRangeException(nameof(value)) : value;
    }

    /// <summary>A token is replaced this long before it expires.</summary>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    public static Uri TokenUrlFor(Uri orgBaseUri)
    {
        if (orgBaseUri is null) throw new ArgumentNullException(nameof(orgBaseUri));
        return new Uri(new Uri(orgBaseUri.GetLeftPart(UriPartial.Authority) + "/"), "oauth2/v1/token");
    }

    /// <summary>Fetches a token now if none is cached (Connect-Okta uses it to fail fast on bad credentials).</summary>
    public async Task EnsureTokenAsync(CancellationToken cancellationToken) =>
        await GetTokenAsync(cancellationToken).ConfigureAwait(false);

    public async Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Remove("DPoP");
        if (!token.IsDPoP)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
            return;
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("DPoP", token.Value);
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        request.Headers.TryAddWithoutValidation("DPoP", _proofs.Build(request.Method, uri, _time.GetUtcNow(), _resourceNonce, token.Value));
        if (!request.Headers.Contains("x-okta-user-agent-extended"))
            request.Headers.TryAddWithoutValidation("x-okta-user-agent-extended", OAuthTokenClient.DPoPUserAgentExtension);
    }

    public Task<bool> ShouldRetryUnauthorizedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response is null) throw new ArgumentNullException(nameof(response));
        var challenge = OAuthChallenge.FromResponse(response);
        switch (challenge?.Error)
        {
            case "use_dpop_nonce" when response.Headers.TryGetValues("DPoP-Nonce", out var nonces):
                var nonce = nonces.FirstOrDefault();
                if (string.IsNullOrEmpty(nonce) || nonce == _resourceNonce) return Task.FromResult(false);
                _resourceNonce = nonce;
                return Task.FromResult(true);
            case "invalid_token":
                // Expired or revoked early: drop it (unless another caller already replaced it) and fetch a new one.
                var sent = response.RequestMessage?.Headers.Authorization?.Parameter;
                var current = _current;
                if (current != null && sent != null && sent == current.Value) _current = null;
                return Task.FromResult(sent != null);
            default:
                return Task.FromResult(false);
        }
    }

    public void Dispose()
    {
        _refresh.Dispose();
        _ownedHttp?.Dispose();
    }

    public override string ToString() => $"OAuth {_settings.ClientId} ({(UsesDPoP ? "DPoP" : "Bearer")})";

    private async Task<OAuthAccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var token = _current;
        if (IsFresh(token)) return token!;
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            token = _current;
            if (IsFresh(token)) return token!;
            token = await _tokens.RequestAsync(cancellationToken).ConfigureAwait(false);
            TokenRequests++;
            _current = token;
            return token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private bool IsFresh(OAuthAccessToken? token) =>
        token != null && token.ExpiresAt - RefreshMargin > _time.GetUtcNow();
}
