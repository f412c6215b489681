using Xunit;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OktaBaton.Simulator.OAuth;

namespace OktaBaton.Core.Tests.OAuth;

/// <summary>
/// The simulator's org authorization server and resource guard on a loopback port, in front of two stand-in
/// management endpoints (a user listing and a group-membership write).
/// </summary>
internal sealed class OAuthTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OAuthTestServer(WebApplication app, OAuthAuthority authority, Uri baseUri)
    {
        _app = app;
        Authority = authority;
        BaseUri = baseUri;
    }

    public OAuthAuthority Authority { get; }
    public Uri BaseUri { get; }
    public List<string> MembershipWrites { get; } = new();

    public static async Task<OAuthTestServer> StartAsync(Action<OAuthServerOptions> configure)
    {
        var options = new OAuthServerOptions();
        configure(options);
        var authority = new OAuthAuthority(options);
        var guard = new OAuthResourceGuard(authority);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        OAuthTestServer? server = null;
        app.MapOktaTokenEndpoint(authority);
        app.Map("/api/v1/{**rest}", async context =>
        {
            var check = guard.Check(context.Request);
            if (!check.Allowed)
            {
                await check.WriteFailureAsync(context);
                return;
            }
            var path = context.Request.Path.Value!;
            if (HttpMethods.IsGet(context.Request.Method) && path == "/api/v1/users")
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("[{\"id\":\"00u1\",\"status\":\"ACTIVE\",\"profile\":{\"login\":\"ada@example.com\"}}]");
                return;
            }
            if (HttpMethods.IsPut(context.Request.Method) && path.StartsWith("/api/v1/groups/", StringComparison.Ordinal))
            {
                lock (server!.MembershipWrites) server.MembershipWrites.Add(path);
                context.Response.StatusCode = 204;
                return;
            }
            context.Response.StatusCode = 404;
        });
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        server = new OAuthTestServer(app, authority, new Uri($"http://127.0.0.1:{address.Port}/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
