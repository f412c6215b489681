using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OktaBaton.Simulator.Auth;
using OktaBaton.Simulator.Endpoints;
using OktaBaton.Simulator.Http;
using OktaBaton.Simulator.Model;
using OktaBaton.Simulator.Seed;

namespace OktaBaton.Simulator;

/// <summary>A simulated Okta org served over loopback HTTP.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorPipeline _pipeline;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private SimulatorHost(WebApplication app, SimulatorPipeline pipeline, CancellationTokenSource stopping, Uri baseUrl)
    {
        _app = app;
        _pipeline = pipeline;
        _stopping = stopping;
        BaseUrl = baseUrl;
        Domain = $"{baseUrl.Host}:{baseUrl.Port}";
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseUrl { get; }

    /// <summary>127.0.0.1:PORT — what a user passes as the org domain.</summary>
    public string Domain { get; }

    /// <summary>
    /// Makes an observer for every simulator this process starts without one of its own: a test assembly sets it
    /// once (a module initializer) so that every exchange of every test is checked, whichever fixture started it.
    /// </summary>
    public static Func<ISimulatorObserver>? DefaultObserverFactory { get; set; }

    /// <summary>Registers an extra Authorization scheme (Bearer, DPoP) before requests arrive.</summary>
    public RequestAuthenticator Authenticator { get; private init; } = new();

    /// <summary>Every API route as <c>METHOD /template</c>: what a test that covers each kind of change walks.</summary>
    public IReadOnlyList<string> Routes { get; private init; } = Array.Empty<string>();

    /// <summary>The org authorization server's state (issued tokens, registered clients).</summary>
    public OAuth.OAuthAuthority OAuth { get; private init; } = null!;

    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Func<OrgState> seed = options.Org switch
        {
            "demo" => DemoOrg.Build,
            "generated" when options.Users == 0 && options.Groups == 0 && options.Apps == 0 => () => GeneratedOrg.Build(1000, 100, 10, options.Seed, options.MembershipScale),
            "generated" => () => GeneratedOrg.Build(options.Users, options.Groups, options.Apps, options.Seed, options.MembershipScale),
            _ => throw new ArgumentException($"Unknown org '{options.Org}': use 'demo' or 'generated'.", nameof(options)),
        };
        var org = seed();
        foreach (var token in options.Tokens)
        {
            PermissionProfiles.ForProfile(token.Profile);
            RequireValidShare(token.RateLimitPercent, "a token");
        }
        RequireValidShare(options.PrincipalRateLimitPercent, nameof(options.PrincipalRateLimitPercent));
        foreach (var client in options.OAuthClients)
        {
            RequireValidShare(client.RateLimitPercent, "OAuth client " + client.ClientId);
        }

        var authenticator = new RequestAuthenticator();
        var ownerId = org.Users[org.TokenOwnerIndex]!.Id;
        SimulatorPipeline? serving = null;
        authenticator.Register(new SswsSchemeHandler(options.Tokens, _ => ownerId, options.PrincipalRateLimitPercent, position =>
            position < org.ApiTokens.Count ? org.ApiTokens[position].Id : IdFactory.Make("00T", org.IdSalt, 1000 + position),
            id =>
            {
                // the org as it is now: a reset brings back the seed's tokens
                var current = serving?.Org ?? org;
                lock (current.Sync)
                {
                    return current.RevokedApiTokenIds.Contains(id);
                }
            }));
        var oauth = new OAuth.OAuthAuthority(options.OAuth);
        authenticator.Register(new OAuth.OAuthSchemeHandler("Bearer", oauth, ownerId, options.PrincipalRateLimitPercent));
        authenticator.Register(new OAuth.OAuthSchemeHandler("DPoP", oauth, ownerId, options.PrincipalRateLimitPercent));

        var router = new Router();
        UserEndpoints.Map(router);
        UserLifecycleEndpoints.Map(router);
        GroupEndpoints.Map(router);
        AppEndpoints.Map(router);
        RoleEndpoints.Map(router);
        IamEndpoints.Map(router);
        ApiTokenEndpoints.Map(router);
        LogEndpoints.Map(router);
        DeviceEndpoints.Map(router);
        // Further endpoint groups (e.g. OAuth's /oauth2/v1/token via router.MapAnonymous) map here;
        // extra Authorization schemes register on the authenticator below.

        // From here on every change is the org's history: the System Log records it, dated by the org's clock.
        org.Log.StartRecording(options.OrgClock);
        org.UserDeletionLogsMemberships = options.UserDeletionLogsMemberships;
        OrgState Reseed()
        {
            var fresh = seed();
            fresh.Log.StartRecording(options.OrgClock);
            fresh.UserDeletionLogsMemberships = options.UserDeletionLogsMemberships;
            return fresh;
        }
        var stopping = new CancellationTokenSource();
        var observer = options.Observer ?? DefaultObserverFactory?.Invoke();
        var pipeline = new SimulatorPipeline(options, org, Reseed, router, authenticator, stopping.Token)
        {
            TokenEndpoint = new OAuth.OAuthTokenEndpoint(oauth).HandleAsync,
            Observer = observer,
        };
        serving = pipeline;

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.Run(pipeline.HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(address).Port;
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        pipeline.BaseUrl = $"http://127.0.0.1:{port}";
        return new SimulatorHost(app, pipeline, stopping, baseUrl) { Authenticator = authenticator, OAuth = oauth, Routes = router.Keys };
    }

    /// <summary>The next <paramref name="count"/> requests under <paramref name="pathPrefix"/> (of <paramref name="method"/>, when given) fail with <paramref name="kind"/>.</summary>
    public void EnqueueFaults(string pathPrefix, FaultKind kind, int count, string? method = null) => _pipeline.Faults.Enqueue(pathPrefix, kind, count, method);

    public SimulatorStats GetStats() => _pipeline.Stats.Snapshot();

    /// <summary>Back to the org as seeded (same ids): state, System Log, counters, rate-limit windows and queued faults.</summary>
    public void ResetOrg() => _pipeline.Reset();

    /// <summary>Clears the counters and the rate-limit windows.</summary>
    public void ResetStats()
    {
        _pipeline.Stats.Reset();
        _pipeline.RateLimiter.Reset();
    }

    private static void RequireValidShare(int? percent, string whose)
    {
        if (percent is { } value && !RatePrincipal.IsValidPercent(value))
        {
            throw new ArgumentException($"The rate-limit share of {whose} must be {RatePrincipal.MinimumPercent} to {RatePrincipal.MaximumPercent} percent, not {value}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _pipeline.Observer?.OnStopped();
    }
}
