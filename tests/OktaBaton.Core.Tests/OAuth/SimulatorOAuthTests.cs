using System.Net;
using System.Text.Json;
using OktaBaton.Core.Okta.OAuth;
using OktaBaton.Simulator.OAuth;
using Xunit;
using static OktaBaton.Core.Tests.OAuth.OAuthFlowTests;

namespace OktaBaton.Core.Tests.OAuth;

/// <summary>The simulator's side, driven with raw HTTP: it must refuse what Okta refuses.</summary>
public sealed class SimulatorOAuthTests
{
    private static readonly OAuthSigningKey EcKey = OAuthSigningKey.FromPem(TestKeys.EcPkcs8Pem);

    private static HttpRequestMessage TokenRequest(OAuthTestServer server, string assertion, string? proof = null, string scope = "okta.users.read")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUri, "/oauth2/v1/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["scope"] = scope,
                ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                ["client_assertion"] = assertion,
            }),
        };
        if (proof != null) request.Headers.Add("DPoP", proof);
        return request;
    }

    private static string Assertion(OAuthTestServer server, DateTimeOffset? now = null) =>
        new ClientAssertionBuilder("0oaServiceApp", "kid-1", EcKey).Build(new Uri(server.BaseUri, "/oauth2/v1/token"), now ?? DateTimeOffset.UtcNow);

    private static async Task<(HttpStatusCode Status, string? Error, string? Description, HttpResponseMessage Response)> Send(HttpClient http, HttpRequestMessage request)
    {
        var response = await http.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        string? Get(string name) => body.RootElement.TryGetProperty(name, out var v) ? v.ToString() : null;
        return (response.StatusCode, Get("error"), Get("error_description"), response);
    }

    [Fact]
    public async Task TokenEndpointDemandsAProofThenANonceThenIssuesADPoPToken()
    {
        await using var server = await OAuthTestServer.StartAsync(o => o.Clients.Add(Register(TestKeys.EcPublicPem, dpop: true)));
        using var http = new HttpClient();
        var tokenUrl = new Uri(server.BaseUri, "/oauth2/v1/token");
        var proofs = new DPoPProofBuilder(EcKey);

        var noProof = await Send(http, TokenRequest(server, Assertion(server)));
        var noNonce = await Send(http, TokenRequest(server, Assertion(server), proofs.Build(HttpMethod.Post, tokenUrl, DateTimeOffset.UtcNow)));
        var nonce = noNonce.Response.Headers.GetValues("DPoP-Nonce").Single();
        var ok = await Send(http, TokenRequest(server, Assertion(server), proofs.Build(HttpMethod.Post, tokenUrl, DateTimeOffset.UtcNow, nonce)));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_dpop_proof"), (noProof.Status, noProof.Error));
        Assert.Equal((HttpStatusCode.BadRequest, "use_dpop_nonce"), (noNonce.Status, noNonce.Error));
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        using var token = JsonDocument.Parse(await ok.Response.Content.ReadAsStringAsync());
        Assert.Equal("DPoP", token.RootElement.GetProperty("token_type").GetString());
        Assert.Equal(3600, token.RootElement.GetProperty("expires_in").GetInt32());
        Assert.Equal("okta.users.read", token.RootElement.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task AnAssertionIsSingleUse()
    {
        await using var server = await OAuthTestServer.StartAsync(o => o.Clients.Add(Register(TestKeys.EcPublicPem)));
        using var http = new HttpClient();
        var assertion = Assertion(server);

        var first = await Send(http, TokenRequest(server, assertion));
        var replay = await Send(http, TokenRequest(server, assertion));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client"), (replay.Status, replay.Error));
        Assert.Contains("already been used", replay.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAssertionValidForMoreThanAnHourIsRefused()
    {
        var serverClock = new ManualTimeProvider();
        await using var server = await OAuthTestServer.StartAsync(o =>
        {
            o.Clients.Add(Register(TestKeys.EcPublicPem));
            o.TimeProvider = serverClock;
        });
        using var http = new HttpClient();

        // exp = iat + 5 min; an iat 56 minutes ahead puts exp 61 minutes ahead of the server (iat itself beyond skew too)
        var farAhead = await Send(http, TokenRequest(server, Assertion(server, serverClock.GetUtcNow().AddMinutes(56))));

        Assert.Equal(HttpStatusCode.Unauthorized, farAhead.Status);
        Assert.Contains("too far into the future", farAhead.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResourceGuardRefusesMisusedTokensAndProofs()
    {
        await using var server = await OAuthTestServer.StartAsync(o => o.Clients.Add(Register(TestKeys.EcPublicPem, dpop: true)));
        using var http = new HttpClient();
        using var auth = Authenticator(server, http, TestKeys.EcPkcs8Pem);
        var users = new Uri(server.BaseUri, "/api/v1/users");
        var probe = new HttpRequestMessage(HttpMethod.Get, users);
        await auth.AuthenticateAsync(probe, CancellationToken.None);
        var token = probe.Headers.Authorization!.Parameter!;
        var proofs = new DPoPProofBuilder(EcKey);
        var otherKeyProofs = new DPoPProofBuilder(OAuthSigningKey.FromPem(TestKeys.RsaPkcs8Pem));

        // learn the nonce
        var first = await http.SendAsync(Request("DPoP", proofs.Build(HttpMethod.Get, users, DateTimeOffset.UtcNow, null, token)));
        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Contains("use_dpop_nonce", first.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var nonce = first.Headers.GetValues("DPoP-Nonce").Single();

        // Okta: a bad proof is 400 invalid_dpop_proof with a DPoP challenge naming the algorithms; a bad token is 401
        async Task<string> Refused(HttpRequestMessage request, HttpStatusCode expected = HttpStatusCode.BadRequest)
        {
            using var response = await http.SendAsync(request);
            Assert.Equal(expected, response.StatusCode);
            var challenge = response.Headers.WwwAuthenticate.ToString();
            if (expected == HttpStatusCode.BadRequest)
            {
                Assert.StartsWith("DPoP algs=\"RS256 RS384 RS512 ES256 ES384 ES512\"", challenge, StringComparison.Ordinal);
                Assert.Contains("error=\"invalid_dpop_proof\"", challenge, StringComparison.Ordinal);
            }
            return challenge;
        }

        Assert.Contains("DPoP-bound", await Refused(Request("Bearer", null), HttpStatusCode.Unauthorized), StringComparison.Ordinal);
        Assert.Contains("JWT header is missing", await Refused(Request("DPoP", null)), StringComparison.Ordinal);
        Assert.Contains("'ath'", await Refused(Request("DPoP", proofs.Build(HttpMethod.Get, users, DateTimeOffset.UtcNow, nonce, "another-token"))), StringComparison.Ordinal);
        Assert.Contains("'htm'", await Refused(Request("DPoP", proofs.Build(HttpMethod.Delete, users, DateTimeOffset.UtcNow, nonce, token))), StringComparison.Ordinal);
        Assert.Contains("'htu'", await Refused(Request("DPoP", proofs.Build(HttpMethod.Get, new Uri(server.BaseUri, "/api/v1/groups"), DateTimeOffset.UtcNow, nonce, token))), StringComparison.Ordinal);
        Assert.Contains("too old", await Refused(Request("DPoP", proofs.Build(HttpMethod.Get, users, DateTimeOffset.UtcNow.AddMinutes(-6), nonce, token))), StringComparison.Ordinal);
        Assert.Contains("does not match the key", await Refused(Request("DPoP", otherKeyProofs.Build(HttpMethod.Get, users, DateTimeOffset.UtcNow, nonce, token))), StringComparison.Ordinal);
        Assert.Contains("invalid_token", await Refused(Request("DPoP", proofs.Build(HttpMethod.Get, users, DateTimeOffset.UtcNow, nonce, "not-issued"), "not-issued"), HttpStatusCode.Unauthorized), StringComparison.Ordinal);

        var replayed = proofs.Build(HttpMethod.Get, users, DateTimeOffset.UtcNow, nonce, token);
        using var accepted = await http.SendAsync(Request("DPoP", replayed));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("already been used", await Refused(Request("DPoP", replayed)), StringComparison.Ordinal);

        HttpRequestMessage Request(string scheme, string? proof, string? presented = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, users);
            request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {presented ?? token}");
            if (proof != null) request.Headers.Add("DPoP", proof);
            return request;
        }
    }

    [Fact]
    public async Task InsufficientScopeChallengeHasOktasShape()
    {
        await using var server = await OAuthTestServer.StartAsync(o => o.Clients.Add(Register(TestKeys.EcPublicPem)));
        using var http = new HttpClient();
        using var auth = Authenticator(server, http, TestKeys.EcPkcs8Pem, scopes: new[] { "okta.users.read" });
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUri, "/api/v1/groups/00g1/roles"));
        await auth.AuthenticateAsync(request, CancellationToken.None);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var challenge = OAuthChallenge.FromResponse(response)!;
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal("insufficient_scope", challenge.Error);
        Assert.Equal("okta.roles.read", challenge.Scope);
        Assert.Equal("/api/v1/groups/00g1/roles", challenge.Resource);
        Assert.Equal($"http://127.0.0.1:{server.BaseUri.Port}", challenge.Parameters["realm"]);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("E0000006", body.RootElement.GetProperty("errorCode").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/v1/users", "okta.users.read")]
    [InlineData("POST", "/api/v1/users/00u1/lifecycle/deactivate", "okta.users.manage")]
    [InlineData("GET", "/api/v1/users/00u1/roles", "okta.roles.read")]
    [InlineData("PUT", "/api/v1/groups/00g1/users/00u1", "okta.groups.manage")]
    [InlineData("GET", "/api/v1/apps/0oa1/users", "okta.apps.read")]
    [InlineData("GET", "/api/v1/iam/roles", "okta.roles.read")]
    [InlineData("GET", "/api/v1/api-tokens", "okta.apiTokens.read")]
    [InlineData("GET", "/oauth2/v1/keys", null)]
    public void EachEndpointNeedsItsFamilysScope(string method, string path, string? scope) =>
        Assert.Equal(scope, OAuthScopeRequirements.RequiredScope(method, path));

    [Fact]
    public void ParsesTheCommandLineRegistration()
    {
        var path = Path.Combine(Path.GetTempPath(), $"oktabaton-{Guid.NewGuid():N}.pub.pem");
        File.WriteAllText(path, TestKeys.EcPublicPem);
        try
        {
            var plain = OAuthClientRegistration.Parse($"0oaA:{path}");
            var dpop = OAuthClientRegistration.Parse($"0oaB:{path}:dpop:okta.users.read,okta.groups.read");
            var scopesOnly = OAuthClientRegistration.Parse($"0oaC:{path}:okta.users.manage");
            var shared = OAuthClientRegistration.Parse($"0oaD:{path}:dpop:25%");

            Assert.Equal(("0oaA", false), (plain.ClientId, plain.RequireDPoP));
            Assert.Equal(OAuthClientRegistration.AllScopes.Count, plain.GrantedScopes.Count);
            Assert.Equal(OAuthSigningKey.FromPem(TestKeys.EcPkcs8Pem).Thumbprint, plain.KeyId);
            Assert.True(dpop.RequireDPoP);
            Assert.Equal(new[] { "okta.groups.read", "okta.users.read" }, dpop.GrantedScopes.Order());
            Assert.Equal(new[] { "okta.users.manage" }, scopesOnly.GrantedScopes);
            Assert.Equal((null, 25), (plain.RateLimitPercent, shared.RateLimitPercent));
            Assert.True(shared.RequireDPoP);
            Assert.Contains("5% to 100%", Assert.Throws<FormatException>(() => OAuthClientRegistration.Parse($"0oaE:{path}:0%")).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Throws<FormatException>(() => OAuthClientRegistration.Parse("only-a-client-id"));
        Assert.Contains("cannot read", Assert.Throws<FormatException>(() => OAuthClientRegistration.Parse("0oaX:/no/such/key.pem")).Message, StringComparison.Ordinal);
    }
}
