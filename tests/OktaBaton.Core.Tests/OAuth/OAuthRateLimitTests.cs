using OktaBaton.Core.Okta.OAuth;
using OktaBaton.Simulator;
using OktaBaton.Simulator.OAuth;
using Xunit;

namespace OktaBaton.Core.Tests.OAuth;

/// <summary>
/// Okta meters OAuth apps as it meters API tokens: each app may spend its share of every bucket, and the token
/// endpoint has its own bucket, where the client waits for a near reset and asks again.
/// </summary>
public sealed class OAuthRateLimitTests
{
    private static async Task<SimulatorHost> StartAsync(int windowSeconds, int? appPercent = null, Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { Org = "demo", RateWindowSeconds = windowSeconds };
        options.OAuthClients.Add(new OAuthClientRegistration("0oaLimited", SimPublicKey.FromPem(TestKeys.EcPublicPem), keyId: "kid-1") { RateLimitPercent = appPercent });
        options.BucketLimitOverrides["oauth2-v1"] = 1; // one token request per window
        configure?.Invoke(options);
        return await SimulatorHost.StartAsync(options);
    }

    [Theory]
    [InlineData(null, "5")]
    [InlineData(20, "2")]
    [InlineData(100, "10")]
    public async Task An_oauth_app_spends_its_own_share_of_a_bucket(int? appPercent, string limitHeader)
    {
        await using var host = await StartAsync(windowSeconds: 60, appPercent, o => o.BucketLimitOverrides["users-list"] = 10);
        using var http = new HttpClient();
        using var authenticator = Authenticator(host, http);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseUrl, "/api/v1/users?limit=1"));
        await authenticator.AuthenticateAsync(request, CancellationToken.None);

        using var response = await http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(limitHeader, string.Join(",", response.Headers.GetValues("X-Rate-Limit-Limit")));
    }

    private static OAuthAuthenticator Authenticator(SimulatorHost host, HttpClient http) =>
        new(host.BaseUrl, new OAuthClientSettings("0oaLimited", "kid-1", OAuthSigningKey.FromPem(TestKeys.EcPkcs8Pem)), http);

    [Fact]
    public async Task A_rate_limited_token_request_waits_for_the_reset_and_gets_its_token()
    {
        await using var spent = await SpentTokenEndpoint.StartAsync(windowSeconds: 2);

        await spent.Second.EnsureTokenAsync(CancellationToken.None);

        var stats = spent.Host.GetStats();
        Assert.Equal(1, stats.RateLimited);
        Assert.Equal(3, stats.ByBucket["oauth2-v1"]);
        Assert.Equal(2, spent.Host.OAuth.IssuedTokenCount);
        Assert.NotNull(spent.Second.TokenExpiresAt);
    }

    [Fact]
    public async Task A_reset_beyond_the_longest_wait_fails_at_once_as_a_rate_limit()
    {
        await using var spent = await SpentTokenEndpoint.StartAsync(windowSeconds: 600);

        var error = await Assert.ThrowsAsync<OAuthException>(() => spent.Second.EnsureTokenAsync(CancellationToken.None));

        Assert.Equal(OktaBaton.Core.OktaFailureKind.RateLimited, error.Kind);
        Assert.Equal(429, error.StatusCode);
        Assert.Contains("HTTP 429", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, spent.Host.GetStats().ByBucket["oauth2-v1"]);
        Assert.Equal(1, spent.Host.OAuth.IssuedTokenCount);
    }

    /// <summary>A simulator whose token endpoint allows one request a window, spent by a first app connection.</summary>
    private sealed class SpentTokenEndpoint : IAsyncDisposable
    {
        private readonly HttpClient _http = new();
        private readonly OAuthAuthenticator _first;

        private SpentTokenEndpoint(SimulatorHost host)
        {
            Host = host;
            _first = Authenticator(host, _http);
            Second = Authenticator(host, _http);
        }

        public SimulatorHost Host { get; }

        public OAuthAuthenticator Second { get; }

        public static async Task<SpentTokenEndpoint> StartAsync(int windowSeconds)
        {
            var spent = new SpentTokenEndpoint(await OAuthRateLimitTests.StartAsync(windowSeconds));
            await spent._first.EnsureTokenAsync(CancellationToken.None);
            return spent;
        }

        public async ValueTask DisposeAsync()
        {
            _first.Dispose();
            Second.Dispose();
            _http.Dispose();
            await Host.DisposeAsync();
        }
    }
}
