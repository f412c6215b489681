using System.Text.Json;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.OAuth;
using OktaBaton.Simulator;
using OktaBaton.Simulator.OAuth;
using Xunit;

namespace OktaBaton.Core.Tests.OAuth;

/// <summary>OktaClient with the OAuth authenticator against the full simulator (demo org): sync-like reads and a write.</summary>
public sealed class SimulatorEndToEndTests
{
    private static async Task<SimulatorHost> StartAsync(OAuthClientRegistration client, Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { Org = "demo" };
        options.OAuthClients.Add(client);
        configure?.Invoke(options);
        return await SimulatorHost.StartAsync(options);
    }

    private static OktaClient Client(SimulatorHost host, string privatePem, IEnumerable<string>? scopes = null, TimeProvider? time = null,
        HttpClient? tokenHttp = null)
    {
        var settings = new OAuthClientSettings("0oaSync", "kid-1", OAuthSigningKey.FromPem(privatePem), scopes);
        var authenticator = new OAuthAuthenticator(host.BaseUrl, settings, tokenHttp ?? new HttpClient(), time);
        return new OktaClient(new OktaClientOptions(OktaOrgUrl.Parse(host.BaseUrl.GetLeftPart(UriPartial.Authority)), authenticator));
    }

    private static async Task<List<string>> Ids(OktaClient client, string path)
    {
        var ids = new List<string>();
        await foreach (var item in client.ListAsync<JsonElement>(path, CancellationToken.None))
            ids.Add(item.GetProperty("id").GetString()!);
        return ids;
    }

    [Theory]
    [InlineData("rsa", false)]
    [InlineData("ec", true)]
    public async Task ListsUsersAndGroupsAndAddsAMemberWithBearerOrDPoP(string kind, bool dpop)
    {
        var (privatePem, publicPem) = kind == "rsa" ? (TestKeys.RsaPkcs1Pem, TestKeys.RsaPublicPem) : (TestKeys.EcPkcs8Pem, TestKeys.EcPublicPem);
        await using var host = await StartAsync(new OAuthClientRegistration("0oaSync", SimPublicKey.FromPem(publicPem), dpop, keyId: "kid-1"));
        using var client = Client(host, privatePem);

        var users = await Ids(client, "/api/v1/users?limit=2");
        var groups = await Ids(client, "/api/v1/groups?limit=200");
        string? group = null, outsider = null;
        foreach (var candidate in groups)
        {
            var members = await Ids(client, $"/api/v1/groups/{candidate}/users");
            outsider = users.FirstOrDefault(u => !members.Contains(u));
            if (outsider is null) continue;
            group = candidate;
            break;
        }
        Assert.NotNull(group);
        await client.SendAsync(HttpMethod.Put, $"/api/v1/groups/{group}/users/{outsider}", null, CancellationToken.None);

        Assert.True(users.Count > 2, "paged through more than one page of users");
        Assert.Contains(outsider, await Ids(client, $"/api/v1/groups/{group}/users"));
        Assert.Equal(1, host.OAuth.IssuedTokenCount);
    }

    [Fact]
    public async Task AMissingScopeFailsTheCallAndNamesTheScope()
    {
        await using var host = await StartAsync(new OAuthClientRegistration("0oaSync", SimPublicKey.FromPem(TestKeys.EcPublicPem), keyId: "kid-1"));
        using var client = Client(host, TestKeys.EcPkcs8Pem, scopes: new[] { "okta.users.read", "okta.groups.read" });
        var groups = await Ids(client, "/api/v1/groups?limit=1");
        var users = await Ids(client, "/api/v1/users?limit=1");

        var error = await Assert.ThrowsAsync<OktaApiException>(() =>
            client.SendAsync(HttpMethod.Put, $"/api/v1/groups/{groups[0]}/users/{users[0]}", null, CancellationToken.None));

        Assert.Equal(403, error.StatusCode);
        Assert.Contains("'okta.groups.manage'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AShortLivedTokenIsRefreshedDuringASync()
    {
        var clock = new ManualTimeProvider();
        await using var host = await StartAsync(new OAuthClientRegistration("0oaSync", SimPublicKey.FromPem(TestKeys.EcPublicPem), true, keyId: "kid-1"),
            o =>
            {
                o.OAuth.AccessTokenLifetime = TimeSpan.FromMinutes(2);
                o.OAuth.TimeProvider = clock;
            });
        using var client = Client(host, TestKeys.EcPkcs8Pem, time: clock);

        var pages = 0;
        await foreach (var page in client.ListPagesAsync<JsonElement>("/api/v1/users?limit=2", CancellationToken.None))
        {
            pages++;
            clock.Advance(TimeSpan.FromSeconds(70)); // every page after the first needs a fresh token
        }

        Assert.True(pages >= 3);
        Assert.Equal(pages, host.OAuth.IssuedTokenCount);
    }
}
