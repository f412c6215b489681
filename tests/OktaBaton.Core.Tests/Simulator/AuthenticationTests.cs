using Xunit;
using System.Net;
using System.Net.Http.Headers;

namespace OktaBaton.Core.Tests.Simulator;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorFixture.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Unknown_token_is_401_E0000011()
    {
        using var response = await _sim.Client("not-a-real-token").GetAsync("/api/v1/users");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("E0000011", await response.ErrorCodeAsync());
        Assert.Equal("Invalid token provided", (await response.JsonAsync()).GetProperty("errorSummary").GetString());
    }

    [Fact]
    public async Task Missing_authorization_is_403_E0000005()
    {
        using var response = await _sim.Client(token: null).GetAsync("/api/v1/users");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("E0000005", await response.ErrorCodeAsync());
    }

    [Theory]
    [InlineData("SSWS")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("test-super-admin-token")]
    public async Task Malformed_authorization_is_403_E0000005(string header)
    {
        var client = _sim.Client(token: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users");
        request.Headers.TryAddWithoutValidation("Authorization", header);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("E0000005", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task Every_response_carries_a_unique_request_id_rate_headers_and_a_date()
    {
        var client = _sim.Client();
        using var ok = await client.GetAsync("/api/v1/users?limit=1");
        using var bad = await _sim.Client("wrong").GetAsync("/api/v1/users?limit=1");
        using var missing = await client.GetAsync("/api/v1/no-such-thing");
        var ids = new[] { ok, bad, missing }.Select(r => r.Header("X-Okta-Request-Id")).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id)));
        foreach (var response in new[] { ok, bad, missing })
        {
            Assert.NotNull(response.Headers.Date);
            Assert.True(long.Parse(response.Header("X-Rate-Limit-Limit")) > 0);
            Assert.True(long.Parse(response.Header("X-Rate-Limit-Reset")) > DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeSeconds());
        }
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("E0000008", await missing.ErrorCodeAsync());
    }

    [Fact]
    public async Task Users_me_returns_the_token_owner()
    {
        var me = await (await _sim.Client().GetAsync("/api/v1/users/me")).JsonAsync();
        var state = await _sim.StateAsync();
        Assert.Equal(state.GetProperty("tokenOwnerId").GetString(), me.GetProperty("id").GetString());
        Assert.Equal("okta.admin@acme.example", me.GetProperty("profile").GetProperty("login").GetString());
    }

    [Fact]
    public async Task A_registered_extra_scheme_authenticates_alongside_SSWS()
    {
        _sim.Host.Authenticator.Register(new FixedBearerScheme());
        var client = _sim.Client(token: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "good");
        using var good = await client.GetAsync("/api/v1/groups?limit=1");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        using var roles = await client.GetAsync($"/api/v1/users/{await _sim.UserIdAsync("alice.anderson@acme.example")}/roles");
        Assert.Equal(HttpStatusCode.Forbidden, roles.StatusCode);
        Assert.Equal("E0000006", await roles.ErrorCodeAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bad");
        using var bad = await client.GetAsync("/api/v1/groups?limit=1");
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    private sealed class FixedBearerScheme : OktaBaton.Simulator.Auth.IAuthorizationSchemeHandler
    {
        public string Scheme => "Bearer";

        public OktaBaton.Simulator.Auth.AuthResult Authenticate(Microsoft.AspNetCore.Http.HttpContext context, string credentials) =>
            credentials == "good"
                ? OktaBaton.Simulator.Auth.AuthResult.Success(new OktaBaton.Simulator.Auth.Caller("okta.admin@acme.example",
                    OktaBaton.Simulator.Auth.PermissionProfiles.ForScopes(new[] { "okta.groups.read", "okta.users.read" }), "OAuth"))
                : OktaBaton.Simulator.Auth.AuthResult.Fail(new OktaBaton.Simulator.Auth.AuthFailure(401, "E0000011", "Invalid token provided", "Bearer error=\"invalid_token\""));
    }
}
