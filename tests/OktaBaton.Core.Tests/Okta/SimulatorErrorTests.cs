using System.Net.Http;
using System.Text.Json;
using OktaBaton.Core.Okta;
using Xunit;

namespace OktaBaton.Core.Tests.Okta;

/// <summary>Every Okta error the simulator produces arrives as one OktaApiException with the right fields.</summary>
public sealed class SimulatorErrorTests : IAsyncLifetime
{
    private SimulatedOrg _org = null!;
    private JsonElement _state;

    public async Task InitializeAsync()
    {
        _org = await SimulatedOrg.StartAsync(o => o.BucketLimitOverrides["apps-id"] = 1);
        _state = await _org.StateAsync();
    }

    public async Task DisposeAsync() => await _org.DisposeAsync();

    [Fact]
    public async Task BadTokenIs401E0000011AndTheTokenIsNotInTheError()
    {
        var client = _org.Client("not-a-real-token-value", o => o.MaxRetries = 0);

        var failure = await Assert.ThrowsAsync<OktaApiException>(() => client.GetAsync<JsonElement>("/api/v1/users/me", CancellationToken.None));

        AssertError(failure, 401, "E0000011", "GET", "/api/v1/users/me");
        Assert.True(failure.IsUnauthorized);
        Assert.DoesNotContain("not-a-real-token-value", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingAuthorizationIs403E0000005()
    {
        var client = _org.Client(new NoAuthentication());

        var failure = await Assert.ThrowsAsync<OktaApiException>(() => client.GetAsync<JsonElement>("/api/v1/users/me", CancellationToken.None));

        AssertError(failure, 403, "E0000005", "GET", "/api/v1/users/me");
        Assert.True(failure.IsAuthenticationFailure);
        Assert.False(failure.IsPermissionDenied);
    }

    [Fact]
    public async Task ReadOnlyTokenReadingRolesIs403E0000006()
    {
        var client = _org.Client(SimulatedOrg.ReadOnlyToken);
        var userId = _state.GetProperty("tokenOwnerId").GetString();

        var failure = await Assert.ThrowsAsync<OktaApiException>(() => client.GetAsync<JsonElement>($"/api/v1/users/{userId}/roles", CancellationToken.None));

        AssertError(failure, 403, "E0000006", "GET", $"/api/v1/users/{userId}/roles");
    }

    [Fact]
    public async Task UnknownUserIs404E0000007WithAReadableMessage()
    {
        var client = _org.Client();

        var failure = await Assert.ThrowsAsync<OktaApiException>(() => client.GetAsync<JsonElement>("/api/v1/users/00unobody000000000000", CancellationToken.None));

        AssertError(failure, 404, "E0000007", "GET", "/api/v1/users/00unobody000000000000");
        Assert.True(failure.IsNotFound);
        Assert.StartsWith("Okta answered 404 E0000007 Not found: Resource not found: 00unobody000000000000", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith($"for GET /api/v1/users/00unobody000000000000 (request id {failure.RequestId})", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuspendingAStagedUserIs400E0000001()
    {
        var client = _org.Client();
        var staged = UserWithStatus("STAGED");

        var failure = await Assert.ThrowsAsync<OktaApiException>(
            () => client.SendAsync(HttpMethod.Post, $"/api/v1/users/{staged}/lifecycle/suspend", null, CancellationToken.None));

        AssertError(failure, 400, "E0000001", "POST", $"/api/v1/users/{staged}/lifecycle/suspend");
        Assert.True(failure.IsValidationError);
    }

    [Fact]
    public async Task AssigningARoleTwiceIs409E0000090()
    {
        var client = _org.Client();
        var holder = _state.GetProperty("userRoles").EnumerateArray().First(r => r.GetProperty("type").GetString() == "SUPER_ADMIN");
        var path = $"/api/v1/users/{holder.GetProperty("userId").GetString()}/roles";

        var failure = await Assert.ThrowsAsync<OktaApiException>(
            () => client.SendAsync<JsonElement>(HttpMethod.Post, path, new { type = "SUPER_ADMIN" }, CancellationToken.None));

        AssertError(failure, 409, "E0000090", "POST", path);
        Assert.True(failure.IsConflict);
    }

    [Fact]
    public async Task ExhaustedBucketIs429E0000047WithRateLimitHeaders()
    {
        var client = _org.Client(configure: o =>
        {
            o.MaxRetries = 0;
            o.PaceByRateLimits = false;
        });
        var appId = _state.GetProperty("apps")[0].GetProperty("id").GetString();

        await client.GetAsync<JsonElement>($"/api/v1/apps/{appId}", CancellationToken.None);
        var failure = await Assert.ThrowsAsync<OktaApiException>(() => client.GetAsync<JsonElement>($"/api/v1/apps/{appId}", CancellationToken.None));

        AssertError(failure, 429, "E0000047", "GET", $"/api/v1/apps/{appId}");
        Assert.True(failure.IsRateLimited);
        Assert.Equal((1, 0), (failure.RateLimit!.Limit, failure.RateLimit.Remaining));
        Assert.NotNull(failure.RateLimit.Reset);
        Assert.Equal(1L, client.Stats.RateLimited);
    }

    private string UserWithStatus(string status) =>
        _state.GetProperty("users").EnumerateArray().First(u => u.GetProperty("status").GetString() == status).GetProperty("id").GetString()!;

    private static void AssertError(OktaApiException failure, int status, string code, string method, string path)
    {
        Assert.Equal((status, code, method, path), (failure.StatusCode, failure.ErrorCode, failure.Method, failure.Path));
        Assert.False(string.IsNullOrEmpty(failure.ErrorSummary));
        Assert.False(string.IsNullOrEmpty(failure.RequestId));
        Assert.Contains($"{status} {code}", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"(request id {failure.RequestId})", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SimulatedOrg.SuperToken, failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SimulatedOrg.ReadOnlyToken, failure.ToString(), StringComparison.Ordinal);
    }

    private sealed class NoAuthentication : IOktaAuthenticator
    {
        public string Method => "None";

        public Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<bool> ShouldRetryUnauthorizedAsync(HttpResponseMessage response, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
