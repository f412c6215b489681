using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta.RateLimiting;
using Polly;

namespace OktaBaton.Core.Okta;

/// <summary>
/// HTTP client for one Okta org: authentication on every attempt, Link-header and body paging, retries
/// with Okta's rate-limit rules, and one exception type for error answers. Thread-safe.
/// </summary>
public sealed class OktaClient : IDisposable
{
    private static readonly string UserAgent = "OktaBaton/" + InformationalVersion();
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly IOktaAuthenticator _authenticator;
    private IRequestGate? _gate;
    private readonly TimeSpan _requestTimeout;
    private readonly TimeSpan _maxRateLimitWait;
    private readonly ConnectionBreaker _breaker;
    private readonly ResiliencePipeline _pipeline;
    private readonly ServerClock _orgClock = new();

    public OktaClient(OktaClientOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        Validate(options);
        Org = options.Org;
        _authenticator = options.Authenticator;
        _gate = options.Gate ?? (options.PaceByRateLimits ? RateLimitScheduler.For(options.RateLimitShare, options.ThrottleLimit, options.MaxRateLimitWait) : null);
        _requestTimeout = options.RequestTimeout;
        _maxRateLimitWait = options.MaxRateLimitWait;
        _breaker = new ConnectionBreaker(Org.BaseUri.GetLeftPart(UriPartial.Authority), options.UnreachableProbeInterval);
        _pipeline = OktaRetryPipeline.Build(options, Stats);

        var handler = options.Handler ?? new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };
        _http = new HttpClient(handler, disposeHandler: options.Handler is null) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
    }

    public OktaOrgUrl Org { get; }

    public OktaClientStats Stats { get; } = new();

    /// <summary>
    /// The org's clock now, as its answers' Date headers tell it (to the second); null before the first answer.
    /// What "now" means to Okta: the System Log dates events by it, not by this machine's clock.
    /// </summary>
    public DateTimeOffset? OrgNow => _orgClock.ServerNow;

    /// <summary>The pacer every attempt passes: the client's own rate-limit scheduler, unless pacing is off or a test set another.</summary>
    internal IRequestGate? Gate
    {
        get => Volatile.Read(ref _gate);
        set => Volatile.Write(ref _gate, value);
    }

    /// <summary>
    /// Sets the share of each rate-limit bucket and the in-flight limit for every request the client sends from now
    /// on, whoever sends it. Concurrent callers share the one budget: the last adjustment holds for all of them.
    /// Does nothing when the client does not pace (<see cref="OktaClientOptions.PaceByRateLimits"/> off).
    /// </summary>
    public void AdjustPacing(double rateLimitShare, int throttleLimit)
    {
        if (Gate is RateLimitScheduler scheduler)
        {
            scheduler.Adjust(rateLimitShare, throttleLimit);
        }
    }

    /// <summary>GET one object, e.g. "/api/v1/users/me".</summary>
    public Task<T> GetAsync<T>(string relativeUrl, CancellationToken ct) =>
        SendAsync<T>(HttpMethod.Get, relativeUrl, null, ct);

    /// <summary>Every item of a Link-header paged list, page after page.</summary>
    public async IAsyncEnumerable<T> ListAsync<T>(string relativeUrl, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in ListPagesAsync<T>(relativeUrl, ct).ConfigureAwait(false))
        {
            foreach (var item in page)
            {
                ct.ThrowIfCancellationRequested();
                yield return item;
            }
        }
    }

    /// <summary>The pages of a list, following Link rel="next" until there is none.</summary>
    public IAsyncEnumerable<IReadOnlyList<T>> ListPagesAsync<T>(string relativeUrl, CancellationToken ct) =>
        ListPagesAsync<T>(relativeUrl, OktaJson.Options, ct);

    /// <summary>The pages of a list, each read with <paramref name="json"/> (e.g. one that skips what the caller never uses).</summary>
    internal async IAsyncEnumerable<IReadOnlyList<T>> ListPagesAsync<T>(string relativeUrl, JsonSerializerOptions json,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var uri = Resolve(HttpMethod.Get, relativeUrl);
        var listing = new PagingGuard(Org, uri);
        Func<HttpResponseMessage, RequestState, CancellationToken, Task<LinkPage<T>>> readPage =
            (response, state, token) => OktaResponseReader.ReadLinkPageAsync<T>(response, state, json, token);
        while (true)
        {
            var page = await ExecuteAsync(HttpMethod.Get, uri, null, readPage, ct).ConfigureAwait(false);
            yield return page.Items;
            if (page.Next is null)
            {
                yield break;
            }

            uri = listing.Next(page.Next);
        }
    }

    /// <summary>
    /// The ids of a Link-paged list's items (members of a group, users of an app), page after page: each page is
    /// read once for its items' "id" and nothing else is kept.
    /// </summary>
    public IAsyncEnumerable<IReadOnlyList<string>> ListIdPagesAsync(string relativeUrl, CancellationToken ct) =>
        ListParsedPagesAsync<string>(relativeUrl, IdListReader.Parse, ct);

    /// <summary>The pages of an app's users (GET /apps/{id}/users) as a sync reads them: id, scope and group link.</summary>
    internal IAsyncEnumerable<IReadOnlyList<AppUserRef>> ListAppUserPagesAsync(string relativeUrl, CancellationToken ct) =>
        ListParsedPagesAsync<AppUserRef>(relativeUrl, AppUserListReader.Parse, ct);

    private async IAsyncEnumerable<IReadOnlyList<T>> ListParsedPagesAsync<T>(string relativeUrl, IdListReader.PageParser<T> parse,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var uri = Resolve(HttpMethod.Get, relativeUrl);
        var listing = new PagingGuard(Org, uri);
        Func<HttpResponseMessage, RequestState, CancellationToken, Task<LinkPage<T>>> readPage =
            (response, state, token) => OktaResponseReader.ReadParsedPageAsync(response, state, parse, token);
        while (true)
        {
            var page = await ExecuteAsync(HttpMethod.Get, uri, null, readPage, ct).ConfigureAwait(false);
            yield return page.Items;
            if (page.Next is null)
            {
                yield break;
            }

            uri = listing.Next(page.Next);
        }
    }

    /// <summary>
    /// Every item of an /api/v1/iam/* list, which pages in the body: {"<paramref name="arrayProperty"/>": […],
    /// "_links": {"next": {"href": …}}}.
    /// </summary>
    public async IAsyncEnumerable<T> ListIamAsync<T>(string relativeUrl, string arrayProperty, [EnumeratorCancellation] CancellationToken ct)
    {
        if (string.IsNullOrEmpty(arrayProperty))
        {
            throw new ArgumentException("The name of the list's array property is required, e.g. \"roles\".", nameof(arrayProperty));
        }

        var uri = Resolve(HttpMethod.Get, relativeUrl);
        var listing = new PagingGuard(Org, uri);
        while (true)
        {
            var page = await ExecuteAsync(HttpMethod.Get, uri, null,
                (response, state, token) => OktaResponseReader.ReadIamPageAsync<T>(response, state, arrayProperty, token), ct).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                ct.ThrowIfCancellationRequested();
                yield return item;
            }

            if (page.Next is null)
            {
                yield break;
            }

            uri = listing.Next(page.Next);
        }
    }

    /// <summary>Sends <paramref name="body"/> (serialized with <see cref="OktaJson.Options"/>) and reads the answer as T.</summary>
    public Task<T> SendAsync<T>(HttpMethod method, string relativeUrl, object? body, CancellationToken ct)
    {
        if (method is null)
        {
            throw new ArgumentNullException(nameof(method));
        }

        return ExecuteAsync(method, Resolve(method, relativeUrl), Serialize(body), OktaResponseReader.ReadObjectAsync<T>, ct);
    }

    /// <summary>
    /// Sends a write whose answer may or may not carry the object (200 or 201 with a body, 201 or 204 without one):
    /// null when the answer has no body. Callers look the change up when they need its id.
    /// </summary>
    public Task<T?> SendWriteAsync<T>(HttpMethod method, string relativeUrl, object? body, CancellationToken ct)
        where T : class
    {
        if (method is null)
        {
            throw new ArgumentNullException(nameof(method));
        }

        return ExecuteAsync(method, Resolve(method, relativeUrl), Serialize(body), OktaResponseReader.ReadWriteAnswerAsync<T>, ct);
    }

    /// <summary>Sends a request whose answer body does not matter (204s, deletes).</summary>
    public Task SendAsync(HttpMethod method, string relativeUrl, object? body, CancellationToken ct)
    {
        if (method is null)
        {
            throw new ArgumentNullException(nameof(method));
        }

        return ExecuteAsync(method, Resolve(method, relativeUrl), Serialize(body), static (_, _, _) => Task.FromResult(true), ct);
    }

    /// <summary>
    /// Sends any request with a JSON body (already serialized) and reads the answer as JSON: the body (null when
    /// there is none) and the next page's link (a Link header, or an /api/v1/iam body's <c>_links.next</c>).
    /// The URL is a path on the org or an absolute URL on the org; anything else is refused before sending.
    /// </summary>
    public Task<OktaJsonAnswer> SendJsonAsync(HttpMethod method, string url, byte[]? jsonBody, CancellationToken ct)
    {
        if (method is null)
        {
            throw new ArgumentNullException(nameof(method));
        }

        return ExecuteAsync(method, Resolve(method, url), jsonBody, OktaResponseReader.ReadJsonAnswerAsync, ct);
    }

    public void Dispose() => _http.Dispose();

    private async Task<TResult> ExecuteAsync<TResult>(HttpMethod method, Uri uri, byte[]? body,
        Func<HttpResponseMessage, RequestState, CancellationToken, Task<TResult>> readSuccess, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var state = new RequestState(method, uri, body);
        var passage = _breaker.Enter(method.Method, state.Path);
        // a probe of an org that could not be reached tries once: if it is still down, the caller hears so at once
        var pipeline = passage == ConnectionBreaker.Passage.Probe ? ResiliencePipeline.Empty : _pipeline;
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(OktaRetryPipeline.StateKey, state);
        try
        {
            var result = await pipeline.ExecuteAsync(
                (ctx, s) => new ValueTask<TResult>(AttemptAsync(s, readSuccess, ctx.CancellationToken)),
                context, state).ConfigureAwait(false);
            _breaker.Reached(passage);
            return result;
        }
        catch (OktaApiException limited) when (OktaRetryPipeline.ResetsTooLate(limited, _maxRateLimitWait, DateTimeOffset.UtcNow))
        {
            _breaker.Reached(passage);
            throw OktaRetryPipeline.TooLongWait(limited, _maxRateLimitWait, DateTimeOffset.UtcNow);
        }
        catch (OktaApiException)
        {
            _breaker.Reached(passage);
            throw;
        }
        catch (Exception failure) when (failure is HttpRequestException or IOException or OktaTimeoutException)
        {
            var unreachable = failure is OktaTimeoutException or OktaConnectionException
                ? failure
                : new OktaConnectionException(Org.BaseUri.GetLeftPart(UriPartial.Authority), method.Method, state.Path, failure);
            // the org is unreachable when no byte could be sent, or when every retry failed alike; a single dropped
            // write (not retried: it may have landed) says nothing about the next request
            if (passage == ConnectionBreaker.Passage.Probe || state.RetryCount > 0 || RetryClassifier.NeverReachedServer(failure) || RetryClassifier.HostDoesNotExist(failure))
            {
                _breaker.Unreachable(passage, unreachable);
            }
            else
            {
                _breaker.Release(passage);
            }

            if (ReferenceEquals(unreachable, failure)) throw;
            throw unreachable;
        }
        catch
        {
            _breaker.Release(passage);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One attempt: send, and read the answer, within the request timeout.</summary>
    private async Task<TResult> AttemptAsync<TResult>(RequestState state,
        Func<HttpResponseMessage, RequestState, CancellationToken, Task<TResult>> readSuccess, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            for (var unauthorizedRetries = 0; ; unauthorizedRetries++)
            {
                var gate = Gate;
                // the time spent waiting for the gate is not part of the request's time limit
                using var lease = gate is null ? null : await gate.EnterAsync(state.Method, state.Uri, ct).ConfigureAwait(false);
                if (unauthorizedRetries == 0)
                {
                    timeout.CancelAfter(_requestTimeout);
                }

                using var request = await CreateRequestAsync(state, timeout.Token).ConfigureAwait(false);
                Stats.AddRequest();
                var started = DateTime.UtcNow;
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token)
                    .ConfigureAwait(false);
                TraceAnswer(state, response, DateTime.UtcNow - started);
                _orgClock.Observe(response.Headers.Date);
                var rateLimit = RateLimitInfo.FromHeaders(response.Headers);
                if (rateLimit is not null)
                {
                    lease?.OnResponse((int)response.StatusCode, rateLimit);
                }

                if (response.IsSuccessStatusCode)
                {
                    return await readSuccess(response, state, timeout.Token).ConfigureAwait(false);
                }

                if (unauthorizedRetries == 0 && IsAuthenticationChallenge(response)
                    && await _authenticator.ShouldRetryUnauthorizedAsync(response, timeout.Token).ConfigureAwait(false))
                {
                    continue;
                }

                var error = await OktaErrorReader.ReadAsync(response, state.Method.Method, state.Path, rateLimit, timeout.Token)
                    .ConfigureAwait(false);
                if (error.IsRateLimited)
                {
                    Stats.AddRateLimited();
                }
                else if (RetryClassifier.IsTransientStatus(error.StatusCode))
                {
                    Stats.AddFault();
                }

                throw error;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            Stats.AddFault();
            throw new OktaTimeoutException(state.Method.Method, state.Path, _requestTimeout);
        }
        catch (Exception failure) when (failure is HttpRequestException or IOException)
        {
            Stats.AddFault();
            throw;
        }
    }

    /// <summary>A 401, or a 400 carrying a DPoP challenge (Okta's resource server answers DPoP problems with 400).</summary>
    private static bool IsAuthenticationChallenge(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized
        || (response.StatusCode == HttpStatusCode.BadRequest
            && response.Headers.WwwAuthenticate.Any(h => string.Equals(h.Scheme, "DPoP", StringComparison.OrdinalIgnoreCase)));

    private static void TraceAnswer(RequestState state, HttpResponseMessage response, TimeSpan elapsed)
    {
        if (!OktaRequestTrace.IsObserved)
        {
            return;
        }

        var requestId = response.Headers.TryGetValues("X-Okta-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
        var retry = state.RetryCount > 0 ? $" (retry {state.RetryCount})" : string.Empty;
        OktaRequestTrace.Write(FormattableString.Invariant(
            $"{state.Method.Method} {state.Uri.PathAndQuery} -> {(int)response.StatusCode} in {elapsed.TotalMilliseconds:0} ms{retry}, request id {requestId}"));
    }

    private async Task<HttpRequestMessage> CreateRequestAsync(RequestState state, CancellationToken ct)
    {
        var request = new HttpRequestMessage(state.Method, state.Uri);
        try
        {
            if (state.Body is not null)
            {
                request.Content = new ByteArrayContent(state.Body);
                request.Content.Headers.ContentType = JsonMediaType;
            }
            else if (state.Method == HttpMethod.Post || state.Method == HttpMethod.Put)
            {
                // Okta answers 411 to a body-less write without Content-Length.
                request.Content = new ByteArrayContent(Array.Empty<byte>());
                request.Content.Headers.ContentLength = 0;
            }

            if (state.RetryCount > 0)
            {
                request.Headers.TryAddWithoutValidation("X-Okta-Retry-Count", state.RetryCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (!string.IsNullOrEmpty(state.RetryFor))
                {
                    request.Headers.TryAddWithoutValidation("X-Okta-Retry-For", state.RetryFor);
                }
            }

            await _authenticator.AuthenticateAsync(request, ct).ConfigureAwait(false);
            return request;
        }
        catch
        {
            request.Dispose();
            throw;
        }
    }

    private Uri Resolve(HttpMethod method, string relativeUrl)
    {
        if (string.IsNullOrWhiteSpace(relativeUrl))
        {
            throw new ArgumentException("The request URL is empty.", nameof(relativeUrl));
        }

        if (relativeUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || relativeUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            var schemeEnd = relativeUrl.IndexOf("://", StringComparison.Ordinal) + 3;
            var pathStart = relativeUrl.IndexOf('/', schemeEnd);
            OktaPaths.Check(method, PathOf(pathStart < 0 ? "/" : relativeUrl.Substring(pathStart)));
            var absolute = new Uri(relativeUrl, UriKind.Absolute);
            if (!Org.IsSameOrigin(absolute))
            {
                throw new ArgumentException(
                    $"The URL points outside the org {Org.Domain}; requests (and credentials) go only to the org.", nameof(relativeUrl));
            }

            return absolute;
        }

        if (!relativeUrl.StartsWith("/", StringComparison.Ordinal) || relativeUrl.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The request URL must be a path starting with '/', e.g. \"/api/v1/users\".", nameof(relativeUrl));
        }

        OktaPaths.Check(method, PathOf(relativeUrl));
        return new Uri(Org.BaseUri, relativeUrl);
    }

    /// <summary>The path of a URL as written, before "?" or "#" (before any normalization removes dot segments).</summary>
    private static string PathOf(string url)
    {
        var end = url.IndexOfAny(new[] { '?', '#' });
        return end < 0 ? url : url.Substring(0, end);
    }

    private static byte[]? Serialize(object? body) =>
        body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), OktaJson.Options);

    private static void Validate(OktaClientOptions options)
    {
        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("RequestTimeout must be positive.", nameof(options));
        }

        if (double.IsNaN(options.RateLimitShare) || options.RateLimitShare <= 0 || options.RateLimitShare > 1)
        {
            throw new ArgumentException("RateLimitShare must be more than 0 and at most 1.", nameof(options));
        }

        if (options.ThrottleLimit < 1 || options.ThrottleLimit > RateLimitScheduler.OrgConcurrencyLimit)
        {
            throw new ArgumentException($"ThrottleLimit must be between 1 and {RateLimitScheduler.OrgConcurrencyLimit}.", nameof(options));
        }

        if (options.MaxRetries < 0)
        {
            throw new ArgumentException("MaxRetries must not be negative.", nameof(options));
        }

        if (options.MaxRateLimitWait <= TimeSpan.Zero)
        {
            throw new ArgumentException("MaxRateLimitWait must be positive.", nameof(options));
        }

        if (options.MaxRetryWait < TimeSpan.Zero || options.BaseBackoff < TimeSpan.Zero)
        {
            throw new ArgumentException("MaxRetryWait and BaseBackoff must not be negative.", nameof(options));
        }
    }

    private static string InformationalVersion()
    {
        var assembly = typeof(OktaClient).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        return new string(version.Where(c => c > ' ' && c < '\u007f' && c != '(' && c != ')').ToArray());
    }
}
