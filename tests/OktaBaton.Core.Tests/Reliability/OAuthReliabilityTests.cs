using System.Net;
using System.Text.Json;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.OAuth;
using OktaBaton.Core.Tests.OAuth;
using OktaBaton.Core.Tests.Okta;
using OktaBaton.Simulator;
using OktaBaton.Simulator.OAuth;
using Xunit;

namespace OktaBaton.Core.Tests.Reliability;

/// <summary>
/// Credentials go to the org only, and DPoP works the way Okta checks it: no token request follows a redirect, every
/// odd token answer is a clear OktaOAuth error, a login in the path passes Okta's htu check, and Okta's 400
/// invalid_dpop_proof is recognised as the DPoP failure it is.
/// </summary>
[Trait("Suite", "Reliability")]
public sealed class OAuthReliabilityTests
{
    private static OAuthClientSettings Settings(string privatePem = "") =>
        new("0oaReliability", "kid-1", OAuthSigningKey.FromPem(privatePem.Length == 0 ? TestKeys.EcPkcs8Pem : privatePem), null);

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    [InlineData(302)]
    public async Task ATokenRequestNeverFollowsARedirectToAnotherHost(int status)
    {
        using var elsewhere = new ScriptedServer((_, response) => ScriptedServer.WriteJsonAsync(response, 200,
            "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"stolen\",\"scope\":\"okta.users.read\"}"));
        using var org = new ScriptedServer((_, response) => ScriptedServer.WriteJsonAsync(response, status, "{}",
            ("Location", elsewhere.Domain + "/oauth2/v1/token")));
        using var authenticator = new OAuthAuthenticator(new Uri(org.Domain), Settings(), TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<OAuthException>(() => authenticator.EnsureTokenAsync(CancellationToken.None));

        Assert.Equal("OktaOAuthTokenEndpointError", error.ErrorId);
        Assert.Contains("redirected the token request to " + elsewhere.Domain + "/oauth2/v1/token", error.Message, StringComparison.Ordinal);
        Assert.Empty(elsewhere.Requests);
        Assert.Single(org.Requests);
    }

    [Theory]
    [InlineData(200, "[]")]
    [InlineData(200, "\"a string\"")]
    [InlineData(200, "null")]
    [InlineData(200, "{\"token_type\":\"Bearer\"}")]
    [InlineData(200, "<html><body>Sign in</body></html>")]
    [InlineData(400, "[{\"error\":\"invalid_client\"}]")]
    [InlineData(401, "")]
    [InlineData(500, "<html>Internal Server Error</html>")]
    [InlineData(503, "null")]
    public async Task AnyNonObjectTokenAnswerIsAClearOAuthError(int status, string body)
    {
        using var org = new ScriptedServer((_, response) => ScriptedServer.WriteJsonAsync(response, status, body));
        using var authenticator = new OAuthAuthenticator(new Uri(org.Domain), Settings(), TimeSpan.FromSeconds(10));

        var error = await Record.ExceptionAsync(() => authenticator.EnsureTokenAsync(CancellationToken.None));

        var oauth = Assert.IsType<OAuthException>(error);
        Assert.StartsWith("OktaOAuth", oauth.ErrorId, StringComparison.Ordinal);
        Assert.Contains(org.Domain, oauth.Message, StringComparison.Ordinal);
    }

    private static async Task<SimulatorHost> DPoPOrgAsync()
    {
        var options = new SimulatorOptions { Org = "demo" };
        options.OAuthClients.Add(new OAuthClientRegistration("0oaReliability", SimPublicKey.FromPem(TestKeys.EcPublicPem), requireDPoP: true, keyId: "kid-1"));
        return await SimulatorHost.StartAsync(options);
    }

    private static OktaClient DPoPClient(SimulatorHost host, HttpMessageHandler? handler = null) =>
        new(new OktaClientOptions(OktaOrgUrl.Parse(host.BaseUrl.GetLeftPart(UriPartial.Authority)),
            new OAuthAuthenticator(host.BaseUrl, Settings(), new HttpClient()))
        {
            Handler = handler,
            MaxRetries = 0,
        });

    [Fact]
    public async Task ALoginInThePathPassesOktasHtuCheckUnderDPoP()
    {
        await using var host = await DPoPOrgAsync();
        using var client = DPoPClient(host);
        using var state = JsonDocument.Parse(await new HttpClient().GetStringAsync(new Uri(host.BaseUrl, "/__simulator/state")));
        var login = state.RootElement.GetProperty("users")[0].GetProperty("profile").GetProperty("login").GetString()!;
        Assert.Contains('@', login);

        var user = await client.GetAsync<JsonElement>("/api/v1/users/" + Uri.EscapeDataString(login), CancellationToken.None);
        Assert.Equal(login, user.GetProperty("profile").GetProperty("login").GetString());

        // logins nobody has: Okta checked the proof and then found no such user (404), rather than refusing the proof (400)
        foreach (var unknown in new[] { "ana maria@example.com", "ana+tag@example.com", "50%off@example.com", "o'brien&co=1@example.com", "zoë@exämple.com", "hash#tag?x@example.com" })
        {
            var missing = await Assert.ThrowsAsync<OktaApiException>(() => client.GetAsync<JsonElement>("/api/v1/users/" + Uri.EscapeDataString(unknown), CancellationToken.None));
            Assert.True(missing.StatusCode == 404, $"{unknown}: {missing.Message}");
        }
    }

    [Fact]
    public void TheProofNamesThePathAsOktaComparesIt() =>
        Assert.Equal("https://example.okta.com/api/v1/users/ana maria+x@example.com/roles",
            DPoPProofBuilder.TargetUri(new Uri("https://example.okta.com/api/v1/users/" + Uri.EscapeDataString("ana maria+x@example.com") + "/roles?limit=2")));

    [Fact]
    public async Task OktasFourHundredInvalidDPoPProofIsRecognisedAsADPoPFailure()
    {
        await using var host = await DPoPOrgAsync();
        using var client = DPoPClient(host, new ProofDroppingHandler());

        var error = await Assert.ThrowsAsync<OktaApiException>(() => client.GetAsync<JsonElement>("/api/v1/users?limit=1", CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.True(error.IsDPoPProofRejected);
        Assert.True(error.IsAuthenticationFailure);
        Assert.Contains("invalid_dpop_proof", error.Message, StringComparison.Ordinal);
        Assert.Contains("The DPoP proof JWT header is missing.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A transport that loses the DPoP header of management calls on the way (a proxy stripping headers).</summary>
    private sealed class ProofDroppingHandler : DelegatingHandler
    {
        public ProofDroppingHandler() : base(new HttpClientHandler { AllowAutoRedirect = false }) { }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal)) request.Headers.Remove("DPoP");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
