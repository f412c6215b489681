using System.Buffers;
using Microsoft.AspNetCore.Http;
using OktaBaton.Simulator.Auth;
using OktaBaton.Simulator.Model;
using OktaBaton.Simulator.SystemLog;

namespace OktaBaton.Simulator.Http;

/// <summary>Everything between Kestrel and a handler: request ids, concurrency, latency, faults,
/// rate limits, the 411 rule, authentication, routing, permissions, and Okta's error bodies.</summary>
internal sealed class SimulatorPipeline
{
    private const string JsonContentType = "application/json";
    private readonly SimulatorOptions _options;
    private readonly Func<OrgState> _seed;
    private readonly Router _router;
    private readonly RequestAuthenticator _authenticator;
    private readonly AdminEndpoints _admin;
    private readonly CancellationToken _stopping;
    private readonly long _requestIdSalt = DateTime.UtcNow.Ticks;
    private long _requestCounter;

    /// <param name="org">the org as seeded</param>
    /// <param name="seed">seeds the same org again, for <see cref="Reset"/></param>
    public SimulatorPipeline(SimulatorOptions options, OrgState org, Func<OrgState> seed, Router router, RequestAuthenticator authenticator, CancellationToken stopping)
    {
        _options = options;
        _seed = seed;
        Org = org;
        _router = router;
        _authenticator = authenticator;
        _stopping = stopping;
        RateLimiter = new RateLimiter(options);
        Faults = new FaultInjector(options.FaultRate, options.FaultSeed);
        Stats = new StatsCollector();
        _admin = new AdminEndpoints(this);
    }

    /// <summary>The org as it is now; <see cref="Reset"/> replaces it with a freshly seeded one.</summary>
    public OrgState Org { get; private set; }

    public RateLimiter RateLimiter { get; }

    /// <summary>
    /// The org as it was seeded (same ids), with no stats, rate-limit windows or queued faults: a fresh
    /// org for each example or test without a new process. Requests in flight finish on the old state.
    /// </summary>
    public void Reset()
    {
        Org = _seed();
        Stats.Reset();
        RateLimiter.Reset();
        Faults.Clear();
    }

    public FaultInjector Faults { get; }
    public StatsCollector Stats { get; }
    public string BaseUrl { get; set; } = "http://127.0.0.1";
    /// <summary>Serves POST /oauth2/v1/token (the org authorization server).</summary>
    public Func<HttpContext, Task>? TokenEndpoint { get; init; }

    /// <summary>Sees every API exchange (not the admin endpoints), when set.</summary>
    public ISimulatorObserver? Observer { get; init; }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Path.Value ?? "/";
        response.Headers["X-Okta-Request-Id"] = Model.IdFactory.Make("", _requestIdSalt, (int)Interlocked.Increment(ref _requestCounter));
        // Okta's Date header is the org's clock: clients learn it from here (rate-limit resets, the System Log's "now").
        response.Headers.Date = Org.Now.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        if (path.StartsWith("/__simulator", StringComparison.OrdinalIgnoreCase))
        {
            await _admin.HandleAsync(context, path).ConfigureAwait(false);
            return;
        }

        var capture = await ExchangeCapture.StartAsync(context, Observer).ConfigureAwait(false);
        try
        {
            await ServeAsync(context, path).ConfigureAwait(false);
        }
        finally
        {
            if (capture is not null)
            {
                capture.Finish(Observer!);
            }
        }
    }

    private async Task ServeAsync(HttpContext context, string path)
    {
        var request = context.Request;
        var response = context.Response;
        var tokenEndpoint = TokenEndpoint is not null && string.Equals(path, OAuth.OAuthTokenEndpoint.Path, StringComparison.Ordinal) && HttpMethods.IsPost(request.Method)
            ? TokenEndpoint
            : null;
        var bucket = BucketClassifier.Classify(request.Method, path);
        Stats.Request(bucket);
        var inFlight = Stats.EnterFlight();
        try
        {
            if (_options.ConcurrencyLimit > 0 && inFlight > _options.ConcurrencyLimit)
            {
                Stats.ConcurrencyRejected();
                response.Headers["X-Rate-Limit-Limit"] = "0";
                response.Headers["X-Rate-Limit-Remaining"] = "0";
                response.Headers["X-Rate-Limit-Reset"] = (Org.Now.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteErrorAsync(context, 429, "E0000047", "API call exceeded rate limit due to too many requests.").ConfigureAwait(false);
                return;
            }
            if (_options.LatencyMs > 0)
            {
                await Task.Delay(_options.LatencyMs, context.RequestAborted).ConfigureAwait(false);
            }
            // The caller is known before the request is metered: Okta counts it against its token's or app's quota too.
            var call = tokenEndpoint is null ? Identify(context, path) : null;
            var decision = RateLimiter.Take(bucket, call?.Caller?.RatePrincipal, Org.Now);
            response.Headers["X-Rate-Limit-Limit"] = decision.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["X-Rate-Limit-Remaining"] = decision.Remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["X-Rate-Limit-Reset"] = decision.ResetEpochSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!decision.Allowed)
            {
                Stats.RateLimited(decision.Quota);
                await WriteErrorAsync(context, 429, "E0000047", "API call exceeded rate limit due to too many requests.").ConfigureAwait(false);
                return;
            }
            Func<Task> serve = tokenEndpoint is not null
                ? () =>
                {
                    ExchangeCapture.MarkRoute(context, OAuth.OAuthTokenEndpoint.Path);
                    Stats.Route("POST " + OAuth.OAuthTokenEndpoint.Path);
                    return tokenEndpoint(context);
                }
                : () => ServeApiAsync(context, call!);
            // Faults come after rate limiting: a failed request still spends the bucket, as at Okta.
            if (Faults.Next(request.Method, path) is { } fault)
            {
                Stats.Fault();
                ExchangeCapture.MarkNetwork(context);
                if (fault == FaultKind.AnswerLost)
                {
                    await ApplyThenDropAnswerAsync(context, serve).ConfigureAwait(false);
                    return;
                }

                await ServeFaultAsync(context, fault).ConfigureAwait(false);
                return;
            }
            await serve().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || _stopping.IsCancellationRequested)
        {
            context.Abort();
        }
        finally
        {
            Stats.LeaveFlight();
        }
    }

    /// <summary>The route the request names and who sends it (authenticated once: DPoP proofs are single use).</summary>
    private IdentifiedCall Identify(HttpContext context, string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = _router.Find(context.Request.Method, path, values);
        if (lookup.Route is { } found)
        {
            ExchangeCapture.MarkRoute(context, found.Template);
        }
        if (lookup.Route is { Anonymous: true })
        {
            return new IdentifiedCall(lookup, values, Caller.Anonymous, null);
        }
        var auth = _authenticator.Authenticate(context);
        return new IdentifiedCall(lookup, values, auth.Caller, auth.Failure);
    }

    private async Task ServeApiAsync(HttpContext context, IdentifiedCall call)
    {
        var request = context.Request;
        var isWrite = HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method);
        if (isWrite && request.ContentLength is null && string.IsNullOrEmpty(request.Headers.TransferEncoding))
        {
            ExchangeCapture.MarkNetwork(context);
            context.Response.StatusCode = 411;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body><h1>411 Length Required</h1></body></html>", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (call.Failure is { } failure)
        {
            if (failure.WwwAuthenticate is not null)
            {
                context.Response.Headers.WWWAuthenticate = failure.WwwAuthenticate;
            }
            Stats.Route($"{request.Method} (unauthenticated)");
            await WriteErrorAsync(context, failure.StatusCode, failure.ErrorCode, failure.ErrorSummary).ConfigureAwait(false);
            return;
        }
        var caller = call.Caller!;
        if (call.Lookup.Route is not { } route)
        {
            Stats.Route($"{request.Method} (unknown)");
            var error = call.Lookup.PathExists ? OktaApiException.MethodNotAllowed() : OktaApiException.PathNotFound();
            await WriteErrorAsync(context, error.StatusCode, error.ErrorCode, error.ErrorSummary).ConfigureAwait(false);
            return;
        }
        Stats.Route(route.Key);
        if (!caller.Can(route.Needed))
        {
            var forbidden = OktaApiException.Forbidden();
            await WriteErrorAsync(context, forbidden.StatusCode, forbidden.ErrorCode, forbidden.ErrorSummary).ConfigureAwait(false);
            return;
        }

        var body = isWrite ? await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false) : ReadOnlyMemory<byte>.Empty;
        await RunHandlerAsync(context, route, caller, call.RouteValues, body, org => ChangeContexts.ForRequest(context, caller, org)).ConfigureAwait(false);
    }

    /// <summary>
    /// The Admin Console: any API route, served for an administrator in a browser (no token, no rate limit, not
    /// counted). Its changes reach the System Log with that administrator as the actor.
    /// </summary>
    public async Task ServeConsoleAsync(HttpContext context, string apiPath)
    {
        var request = context.Request;
        var isWrite = HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method);
        var body = isWrite ? await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false) : ReadOnlyMemory<byte>.Empty;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_router.Find(request.Method, apiPath, values).Route is not { Anonymous: false } route)
        {
            await WriteErrorAsync(context, 404, "E0000008", "The requested path was not found").ConfigureAwait(false);
            return;
        }
        string adminId;
        lock (Org.Sync)
        {
            var admin = request.Query["admin"].ToString();
            var user = admin.Length == 0 ? Org.Users[Org.TokenOwnerIndex] : Org.FindUser(admin);
            if (user is null)
            {
                adminId = string.Empty;
            }
            else
            {
                adminId = user.Id;
            }
        }
        if (adminId.Length == 0)
        {
            await WriteErrorAsync(context, 404, "E0000007", $"Not found: Resource not found: {request.Query["admin"]} (User)").ConfigureAwait(false);
            return;
        }
        var caller = new Caller(adminId, Permission.All, "AdminConsole");
        await RunHandlerAsync(context, route, caller, values, body, org => ChangeContexts.ForAdminConsole(context, org, adminId, "/admin" + apiPath)).ConfigureAwait(false);
    }

    private async Task RunHandlerAsync(HttpContext context, Route route, Caller caller, Dictionary<string, string> values, ReadOnlyMemory<byte> body, Func<OrgState, ChangeContext> changeContext)
    {
        using var api = new ApiRequest(context, caller, values, body, BaseUrl);
        try
        {
            var org = Org;
            lock (org.Sync)
            {
using (org.ChangesBy(changeContext(org)))
                {
                    route.Handler(api, org);
                }
            }
        }
        catch (OktaApiException error)
        {
            await WriteErrorAsync(context, error.StatusCode, error.ErrorCode, error.ErrorSummary, error.Causes).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        response.StatusCode = api.StatusCode;
        foreach (var link in api.Links)
        {
            response.Headers.Append("Link", link);
        }
        if (api.HasBody)
        {
            api.Json.Flush();
            response.ContentType = JsonContentType;
            response.ContentLength = api.Output.WrittenCount;
            await response.Body.WriteAsync(api.Output.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>The request takes effect, but its answer never reaches the client (a connection lost mid-response).</summary>
    private static async Task ApplyThenDropAnswerAsync(HttpContext context, Func<Task> serve)
    {
        var realBody = context.Response.Body;
        using var swallowed = new MemoryStream();
        context.Response.Body = swallowed;
        try
        {
            await serve().ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = realBody;
            context.Abort();
        }
    }

    private async Task ServeFaultAsync(HttpContext context, FaultKind fault)
    {
        switch (fault)
        {
            case FaultKind.ConnectionReset:
                context.Abort();
                return;
            case FaultKind.Timeout:
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping))
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        context.Abort();
                    }
                }
                return;
            case FaultKind.InternalServerError:
                await WriteErrorAsync(context, 500, "E0000009", "Internal Server Error").ConfigureAwait(false);
                return;
            default:
                var (status, text) = fault switch
                {
                    FaultKind.BadGateway => (502, "Bad Gateway"),
                    FaultKind.GatewayTimeout => (504, "Gateway Timeout"),
                    _ => (503, "Service Unavailable"),
                };
                context.Response.StatusCode = status;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync($"<html><body><h1>{status} {text}</h1></body></html>", context.RequestAborted).ConfigureAwait(false);
                return;
        }
    }

    private sealed record IdentifiedCall(RouteLookup Lookup, Dictionary<string, string> RouteValues, Caller? Caller, AuthFailure? Failure);

    public static async Task WriteErrorAsync(HttpContext context, int status, string errorCode, string errorSummary, IReadOnlyList<string>? causes = null)
    {
        var body = ErrorBody.Create(errorCode, errorSummary, causes);
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
