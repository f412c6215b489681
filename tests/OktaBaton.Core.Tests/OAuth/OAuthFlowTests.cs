using System.Net;
using OktaBaton.Core.Okta.OAuth;
using OktaBaton.Simulator.OAuth;
using Xunit;

namespace OktaBaton.Core.Tests.OAuth;

/// <summary>The authenticator against the simulator's token endpoint and resource guard, Bearer and DPoP.</summary>
public sealed class OAuthFlowTests
{
    private const string ClientId = "0oaServiceApp";

    internal static OAuthClientRegistration Register(string publicPem, bool dpop = false, IEnumerable<string>? scopes = null, string keyId = "kid-1") =>
        new(ClientId, SimPublicKey.FromPem(publicPem), dpop, scopes, keyId);

    internal static OAuthAuthenticator Authenticator(OAuthTestServer server, HttpClient http, string privatePem, string keyId = "kid-1",
        IEnumerable<string>? scopes = null, bool useDPoP = false, TimeProvider? time = null, string clientId = ClientId) =>
        new(server.BaseUri, new OAuthClientSettings(clientId, keyId, OAuthSigningKey.FromPem(privatePem), scopes) { UseDPoP = useDPoP }, http, time);

    [Theory]
    [InlineData("rsa")]
    [InlineData("ec")]
    public async Task BearerTokenListsAndWritesAndIsFetchedOnce(string kind)
    {
        var (privatePem, publicPem) = kind == "rsa" ? (TestKeys.RsaPkcs1Pem, TestKeys.RsaPublicPem) : (TestKeys.EcSec1Pem, TestKeys.EcPublicPem);
        await using var server = await OAuthTestServer.StartAsync(o => o.Clients.Add(Register(publicPem)));
        using var http = new HttpClient();
        using var auth = Authenticator(server, http, privatePem);
        var sender = new AuthenticatedSender(http, auth);

        using var list = await sender.SendAsync(HttpMethod.Get, new Uri(server.BaseUri, "/api/v1/users?limit=200"));
        using var write = await sender.SendAsync(HttpMethod.Put, new Uri(server.BaseUri, "/api/v1/groups/00g1/users/00u1"));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("ada@example.com", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, write.StatusCode);
        Assert.Equal(new[] { "/api/v1/groups/00g1/users/00u1" }, server.MembershipWrites);
        Assert.False(auth.UsesDPoP);
        Assert.Equal(1, auth.TokenRequests);
        Assert.Equal(1, server.Authority.IssuedTokenCount);
        Assert.Equal(OAuthScopes.Default, auth.Scopes);
    }

    [Theory]
    [InlineData("rsa")]
    [InlineData("ec")]
    public async Task DPoPAppIsDetectedFromInvalidDPoPProofAndTheNonceDanceSucceedsAtTokenAndResource(string kind)
    {
        var (privatePem, publicPem) = kind == "rsa" ? (TestKeys.RsaPkcs8Pem, TestKeys.RsaPublicPem) : (TestKeys.EcPkcs8Pem, TestKeys.EcPublicPem);
        await using var server = await OAuthTestServer.StartAsync(o => o.Clients.Add(Register(publicPem, dpop: true)));
        using var http = new HttpClient();
        using var auth = Authenticator(server, http, privatePem);
        var sender = new AuthenticatedSender(http, auth);

        using var list = await sender.SendAsync(HttpMethod.Get, new Uri(server.BaseUri, "/api/v1/users"));
        using var write = await sender.SendAsync(HttpMethod.Put, new Uri(server.BaseUri, "/api/v1/groups/00g1/users/00u2"));
        using var again = await sender.SendAsync(HttpMethod.Get, new Uri(server.BaseUri, "/api/v1/users?after=00u1"));

        Assert.True(auth.UsesDPoP);
        Assert.Equal(1, server.Authority.IssuedTokenCount);
        // The first resource call learns the resource nonce from a 401; later calls carry it.
        Assert.Equal(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.OK }, sender.Statuses);
        Assert.Equal(HttpStatusCode.NoContent, write.StatusCode);
        Assert.Single(server.MembershipWrites);
    }

    [Fact]
    public async Task DPoPCanBeUsedWhenAskedForEvenIfTheAppDoesNotDemandIt()
    {
        await using var server = await OAuthTestServer.StartAsync(o => o.Clients.Add(Register(TestKeys.EcPublicPem)));
        using var http = new HttpClient();
        using var auth = Authenticator(server, http, TestKeys.EcPkcs8Pem, useDPoP: true);
        var sender = new AuthenticatedSender(http, auth);

        using var list = await sender.SendAsync(HttpMethod.Get, new Uri(server.BaseUri, "/api/v1/users"));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.True(auth.UsesDPoP);
    }

    [Fact]
    public async Task ConcurrentCallersShareOneTokenRequest()
    {
        await using var server = await OAuthTestServer.StartAsync(o => o.Clients.Add(Register(TestKeys.EcPublicPem, dpop: true)));
        using var http = new HttpClient();
        using var auth = Authenticator(server, http, TestKeys.EcPkcs8Pem);

        var requests = Enumerable.Range(0, 16).Select(_ => new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUri, "/api/v1/users"))).ToList();
        await Task.WhenAll(requests.Select(r => Task.Run(() => auth.AuthenticateAsync(r, CancellationToken.None))));

        Assert.Equal(1, auth.TokenRequests);
        Assert.Equal(1, server.Authority.IssuedTokenCount);
        Assert.Single(requests.Select(r => r.Headers.Authorization!.Parameter).Distinct());
        Assert.Equal(16, requests.Select(r => r.Headers.GetValues("DPoP").Single()).Distinct().Count());
    }

    [Fact]
    public async Task TheTokenIsRefreshedSixtySecondsBeforeItExpires()
    {
        var clock = new ManualTimeProvider();
        await using var server = await OAuthTestServer.StartAsync(o =>
        {
            o.Clients.Add(Register(TestKeys.RsaPublicPem, dpop: true));
            o.TimeProvider = clock;
        });
        using var http = new HttpClient();
        using var auth = Authenticator(server, http, TestKeys.RsaPkcs8Pem, time: clock);
        var sender = new AuthenticatedSender(http, auth);
        var users = new Uri(server.BaseUri, "/api/v1/users");

        (await sender.SendAsync(HttpMethod.Get, users)).Dispose();
        var firstExpiry = auth.TokenExpiresAt;
        clock.Advance(TimeSpan.FromSeconds(3600 - 61));
        (await sender.SendAsync(HttpMethod.Get, users)).Dispose();
        Assert.Equal(1, auth.TokenRequests);

        clock.Advance(TimeSpan.FromSeconds(2));
        using var afterRefresh = await sender.SendAsync(HttpMethod.Get, users);

        Assert.Equal(HttpStatusCode.OK, afterRefresh.StatusCode);
        Assert.Equal(2, auth.TokenRequests);
        Assert.Equal(2, server.Authority.IssuedTokenCount);
        Assert.True(auth.TokenExpiresAt > firstExpiry);
    }

    [Fact]
    public async Task ATokenTheServerAlreadyConsidersExpiredIsReplacedAfterA401()
    {
        var serverClock = new ManualTimeProvider();
        await using var server = await OAuthTestServer.StartAsync(o =>
        {
            o.Clients.Add(Register(TestKeys.EcPublicPem));
            o.TimeProvider = serverClock;
            o.AccessTokenLifetime = TimeSpan.FromMinutes(2);
        });
        using var http = new HttpClient();
        using var auth = Authenticator(server, http, TestKeys.EcPkcs8Pem);
        var sender = new AuthenticatedSender(http, auth);
        var users = new Uri(server.BaseUri, "/api/v1/users");
        (await sender.SendAsync(HttpMethod.Get, users)).Dispose();

        serverClock.Advance(TimeSpan.FromMinutes(3));
        using var response = await sender.SendAsync(HttpMethod.Get, users);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK }, sender.Statuses);
        Assert.Equal(2, auth.TokenRequests);
    }

    [Fact]
    public async Task AMissingScopeOnAResourceCallIsNamed()
    {
        await using var server = await OAuthTestServer.StartAsync(o => o.Clients.Add(Register(TestKeys.EcPublicPem)));
        using var http = new HttpClient();
        using var auth = Authenticator(server, http, TestKeys.EcPkcs8Pem, scopes: new[] { "okta.users.read", "okta.groups.read" });
        var sender = new AuthenticatedSender(http, auth);

        using var read = await sender.SendAsync(HttpMethod.Get, new Uri(server.BaseUri, "/api/v1/users"));
        using var write = await sender.SendAsync(HttpMethod.Put, new Uri(server.BaseUri, "/api/v1/groups/00g1/users/00u1"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Empty(server.MembershipWrites);
        var error = OAuthChallenge.DescribeForbidden(write)!;
        Assert.Equal(OAuthFailure.InsufficientScope, error.Failure);
        Assert.Equal("okta.groups.manage", error.MissingScope);
        Assert.Contains("'okta.groups.manage'", error.Message, StringComparison.Ordinal);
        Assert.Equal("OktaOAuthInsufficientScope", error.ErrorId);
        Assert.Equal(OktaFailureKind.PermissionDenied, error.Kind);
    }

    [Fact]
    public async Task ManageScopeCoversReadAsInOkta()
    {
        await using var server = await OAuthTestServer.StartAsync(o => o.Clients.Add(Register(TestKeys.EcPublicPem)));
        using var http = new HttpClient();
        using var auth = Authenticator(server, http, TestKeys.EcPkcs8Pem, scopes: new[] { "okta.users.manage" });

        using var read = await new AuthenticatedSender(http, auth).SendAsync(HttpMethod.Get, new Uri(server.BaseUri, "/api/v1/users"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }
}
