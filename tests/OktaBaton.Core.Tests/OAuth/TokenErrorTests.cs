using OktaBaton.Core.Okta.OAuth;
using Xunit;
using static OktaBaton.Core.Tests.OAuth.OAuthFlowTests;

namespace OktaBaton.Core.Tests.OAuth;

/// <summary>Every token-endpoint refusal becomes an OAuthException that says what to fix and leaks nothing.</summary>
public sealed class TokenErrorTests
{
    private static async Task<OAuthException> FailToConnect(Action<global::OktaBaton.Simulator.OAuth.OAuthServerOptions> configure,
        Func<OAuthTestServer, HttpClient, OAuthAuthenticator> create, HttpMessageHandler? handler = null)
    {
        await using var server = await OAuthTestServer.StartAsync(configure);
        using var http = handler is null ? new HttpClient() : new HttpClient(handler);
        using var auth = create(server, http);
        var error = await Assert.ThrowsAsync<OAuthException>(() => auth.EnsureTokenAsync(CancellationToken.None));
        AssertNoSecrets(error);
        Assert.Equal(0, server.Authority.IssuedTokenCount);
        return error;
    }

    internal static void AssertNoSecrets(Exception error)
    {
        var text = error.ToString();
        Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal); // any JWT: assertion or proof
        foreach (var pem in new[] { TestKeys.RsaPkcs8Pem, TestKeys.RsaPkcs1Pem, TestKeys.EcPkcs8Pem, TestKeys.EcSec1Pem, TestKeys.OtherRsaPkcs8Pem })
            Assert.DoesNotContain(TestKeys.Body(pem), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongKeyIdIsNamed()
    {
        var error = await FailToConnect(o => o.Clients.Add(Register(TestKeys.RsaPublicPem)),
            (s, h) => Authenticator(s, h, TestKeys.RsaPkcs8Pem, keyId: "kid-typo"));

        Assert.Equal(OAuthFailure.InvalidKeyId, error.Failure);
        Assert.Equal("OktaOAuthInvalidKeyId", error.ErrorId);
        Assert.Equal(OktaFailureKind.AuthenticationFailed, error.Kind);
        Assert.Contains("'kid-typo'", error.Message, StringComparison.Ordinal);
        Assert.Contains("-KeyId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyThatIsNotTheRegisteredOneIsAnAssertionRejection()
    {
        var error = await FailToConnect(o => o.Clients.Add(Register(TestKeys.RsaPublicPem)),
            (s, h) => Authenticator(s, h, TestKeys.OtherRsaPkcs8Pem));

        Assert.Equal(OAuthFailure.InvalidSignature, error.Failure);
        Assert.Contains("not the one registered", error.Message, StringComparison.Ordinal);
        Assert.Equal(401, error.StatusCode);
        Assert.Equal("invalid_client", error.Error);
    }

    [Fact]
    public async Task AnUnknownClientIsNamed()
    {
        var error = await FailToConnect(o => o.Clients.Add(Register(TestKeys.RsaPublicPem)),
            (s, h) => Authenticator(s, h, TestKeys.RsaPkcs8Pem, clientId: "0oaNobody"));

        Assert.Equal(OAuthFailure.InvalidClient, error.Failure);
        Assert.Contains("'0oaNobody'", error.Message, StringComparison.Ordinal);
        Assert.Contains("-ClientId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScopesTheAppWasNotGrantedAreNamed()
    {
        var error = await FailToConnect(o => o.Clients.Add(Register(TestKeys.EcPublicPem, scopes: new[] { "okta.users.read" })),
            (s, h) => Authenticator(s, h, TestKeys.EcPkcs8Pem, scopes: new[] { "okta.users.read", "okta.groups.manage" }));

        Assert.Equal(OAuthFailure.InvalidScope, error.Failure);
        Assert.Contains("okta.groups.manage", error.Message, StringComparison.Ordinal);
        Assert.Contains("Okta API Scopes", error.Message, StringComparison.Ordinal);
        Assert.Equal(400, error.StatusCode);
    }

    [Theory]
    [InlineData(2, "ahead of")]
    [InlineData(-2, "behind")]
    public async Task ClockSkewIsReportedWithTheOffsetFromOktasDateHeader(int hours, string direction)
    {
        var skewed = new ManualTimeProvider(DateTimeOffset.UtcNow.AddHours(hours));
        var error = await FailToConnect(o => o.Clients.Add(Register(TestKeys.EcPublicPem)),
            (s, h) => Authenticator(s, h, TestKeys.EcPkcs8Pem, time: skewed));

        Assert.Equal(OAuthFailure.ClockSkew, error.Failure);
        Assert.Contains("clock", error.Message, StringComparison.Ordinal);
        Assert.Contains(direction, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAssertionForAnotherOrgIsAnAudienceError()
    {
        // The user typed one host; the request reached an org that knows itself under another name.
        var error = await FailToConnect(o => o.Clients.Add(Register(TestKeys.EcPublicPem)),
            (s, h) => new OAuthAuthenticator(new Uri($"http://wrong-org.invalid:{s.BaseUri.Port}/"),
                new OAuthClientSettings("0oaServiceApp", "kid-1", OAuthSigningKey.FromPem(TestKeys.EcPkcs8Pem)), h),
            new RedirectToLoopback());

        Assert.Equal(OAuthFailure.InvalidAudience, error.Failure);
        Assert.Contains("-Domain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableTokenEndpointIsAConnectionFailure()
    {
        using var http = new HttpClient();
        using var auth = new OAuthAuthenticator(new Uri("http://127.0.0.1:1/"),
            new OAuthClientSettings("c", "k", OAuthSigningKey.FromPem(TestKeys.EcPkcs8Pem)), http);

        var error = await Assert.ThrowsAsync<OAuthException>(() => auth.EnsureTokenAsync(CancellationToken.None));

        Assert.Equal(OAuthFailure.TokenEndpointError, error.Failure);
        Assert.Equal(OktaFailureKind.ConnectionFailed, error.Kind);
        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
        AssertNoSecrets(error);
    }

    [Fact]
    public void OktaDescriptionsAreQuotedButAnythingShapedLikeAJwtIsDropped()
    {
        var settings = new OAuthClientSettings("c", "k", OAuthSigningKey.FromPem(TestKeys.EcPkcs8Pem));
        var error = OAuthTokenErrorTranslator.Translate(400, "invalid_request", "bad eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJjIn0.c2lnbmF0dXJlc2ln here",
            settings, new Uri("https://example.okta.com/oauth2/v1/token"), null);

        Assert.Contains("bad [redacted] here", error.Message, StringComparison.Ordinal);
        Assert.Equal(OAuthFailure.TokenEndpointError, error.Failure);
    }

    /// <summary>Sends every request to 127.0.0.1, keeping the port, as DNS pointing a wrong name at the org would.</summary>
    private sealed class RedirectToLoopback() : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Host = "127.0.0.1" }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
