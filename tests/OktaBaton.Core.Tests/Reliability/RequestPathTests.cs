using System.Text.Json;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Tests.Okta;
using Xunit;

namespace OktaBaton.Core.Tests.Reliability;

/// <summary>
/// Whoever builds a request path, the client sends none that would reach another object than it names: dot
/// segments, empty segments, separators hidden in an escaped id, or /users/me outside an explicit -Self.
/// </summary>
[Trait("Suite", "Reliability")]
public sealed class RequestPathTests
{
    [Theory]
    [InlineData("/api/v1/users/..")]
    [InlineData("/api/v1/users/.")]
    [InlineData("/api/v1/iam/resource-sets/../bindings")]
    [InlineData("/api/v1/users/%2e%2E")]
    [InlineData("/api/v1/groups/00g1/users/a%2Fb")]
    [InlineData("/api/v1/groups/00g1/users/a%5Cb")]
    [InlineData("/api/v1/iam/roles/prefix;suffix")]
    [InlineData("/api/v1/iam/roles/prefix%3Bsuffix")]
    [InlineData("/api/v1/groups//users")]
    [InlineData("/api/v1/users/a%0Ab")]
    public async Task APathThatWouldMissItsObjectIsNeverSent(string path)
    {
        using var server = new ScriptedServer((_, response) => ScriptedServer.WriteJsonAsync(response, 200, "{}"));
        using var client = TestClients.For(server.Domain);

        var refused = await Assert.ThrowsAsync<OktaOperationException>(() => client.SendAsync(HttpMethod.Delete, path, null, CancellationToken.None));
        var absolute = await Assert.ThrowsAsync<OktaOperationException>(() => client.GetAsync<JsonElement>(server.Domain + path + "?limit=1", CancellationToken.None));

        Assert.Equal("OktaInvalidId", refused.ErrorId);
        Assert.Equal(refused.ErrorId, absolute.ErrorId);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("POST", "/api/v1/users/me/lifecycle/suspend")]
    [InlineData("DELETE", "/api/v1/users/Me")]
    public async Task NoChangeIsSentToMeUnlessAskedForExplicitly(string method, string path)
    {
        using var server = new ScriptedServer((_, response) => ScriptedServer.WriteJsonAsync(response, 200, "{}"));
        using var client = TestClients.For(server.Domain);
        var verb = new HttpMethod(method);

        var refused = await Assert.ThrowsAsync<OktaOperationException>(() => client.SendAsync(verb, path, null, CancellationToken.None));
        var userSegment = Assert.Throws<OktaOperationException>(() => OktaPaths.UserSegment("ME", "A user id or login"));

        Assert.Equal("OktaSelfNotExplicit", userSegment.ErrorId);
        Assert.Equal("OktaSelfNotExplicit", refused.ErrorId);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task MeIsSentWhenAskedForExplicitly()
    {
        using var server = new ScriptedServer((_, response) => ScriptedServer.WriteJsonAsync(response, 200, "{\"id\":\"00uOwner\"}"));
        using var client = TestClients.For(server.Domain);

        JsonElement me;
        using (OktaPaths.AllowSelf())
        {
            me = await client.GetAsync<JsonElement>("/api/v1/users/me", CancellationToken.None);
        }

        Assert.Equal("00uOwner", me.GetProperty("id").GetString());
        Assert.Equal("/api/v1/users/me", Assert.Single(server.Requests).PathAndQuery);
    }

    [Theory]
    [InlineData("ana@example.com", "ana%40example.com")]
    [InlineData("o'brien+tag@example.com", "o%27brien%2Btag%40example.com")]
    [InlineData("50%off@example.com", "50%25off%40example.com")]
    [InlineData("...@example.com", "...%40example.com")]
    public void LoginsAreEscapedIntoOneSegment(string login, string segment) =>
        Assert.Equal(segment, OktaPaths.Segment(login, "A login"));
}
