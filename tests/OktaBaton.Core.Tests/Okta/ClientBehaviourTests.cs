using System.Net;
using System.Net.Http;
using System.Text.Json;
using OktaBaton.Core.Okta;
using Xunit;

namespace OktaBaton.Core.Tests.Okta;

/// <summary>Client behaviour against a scripted loopback server (headers, paging guards, retries, timeouts).</summary>
public class ClientBehaviourTests
{
    private static readonly DateTimeOffset OldServerDate = new(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SendsSswsTokenUserAgentAndAcceptOnEveryRequest()
    {
        using var server = new ScriptedServer((_, response) => ScriptedServer.WriteJsonAsync(response, 200, "{\"id\":\"00u1\",\"profile\":{}}"));
        using var client = TestClients.For(server.Domain);

        await client.GetAsync<JsonElement>("/api/v1/users/me", CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("SSWS " + TestClients.Token, request.Header("Authorization"));
        Assert.StartsWith("OktaBaton/", request.Header("User-Agent"), StringComparison.Ordinal);
        Assert.Contains("application/json", request.Header("Accept"), StringComparison.Ordinal);
        Assert.Null(request.Header("X-Okta-Retry-Count"));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    public async Task BodylessWritesSendContentLengthZero(string method)
    {
        using var server = new ScriptedServer((_, response) => { response.StatusCode = 204; response.Close(); return Task.CompletedTask; });
        using var client = TestClients.For(server.Domain);

        await client.SendAsync(new HttpMethod(method), "/api/v1/groups/00g1/users/00u1", null, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal(method, request.Method);
        Assert.Equal("0", request.Header("Content-Length"));
    }

    [Fact]
    public async Task BodyIsSentAsCamelCaseJson()
    {
        using var server = new ScriptedServer((_, response) => ScriptedServer.WriteJsonAsync(response, 200, "{\"id\":\"00g9\",\"profile\":{\"name\":\"Ops\"}}"));
        using var client = TestClients.For(server.Domain);

        var created = await client.SendAsync<OktaBaton.Core.Okta.Models.OktaGroup>(HttpMethod.Post, "/api/v1/groups",
            new { Profile = new { Name = "Ops", Description = (string?)null } }, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("{\"profile\":{\"name\":\"Ops\"}}", request.Body);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("00g9", created.Id);
        Assert.Equal("Ops", created.Profile.Name);
    }

    [Fact]
    public async Task FollowsCommaJoinedLinkHeaders()
    {
        using var server = new ScriptedServer((request, response) =>
        {
            var page = request.Index;
            var link = $"<http://127.0.0.1:{Port(request)}/api/v1/things?limit=1>; rel=\"self\"";
            if (page < 2)
            {
                link += $", <http://127.0.0.1:{Port(request)}/api/v1/things?after=a,{page + 1}&limit=1>; rel=\"next\"";
            }

            return ScriptedServer.WriteJsonAsync(response, 200, $"[{{\"n\":{page}}}]", ("Link", link));
        });
        using var client = TestClients.For(server.Domain);

        var items = await client.ListAsync<JsonElement>("/api/v1/things?limit=1", CancellationToken.None).ToListAsync();

        Assert.Equal(new[] { 0, 1, 2 }, items.Select(i => i.GetProperty("n").GetInt32()));
        Assert.Equal(new[] { "/api/v1/things?limit=1", "/api/v1/things?after=a,1&limit=1", "/api/v1/things?after=a,2&limit=1" },
            server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task RepeatedCursorIsAnErrorNotALoop()
    {
        using var server = new ScriptedServer((request, response) => ScriptedServer.WriteJsonAsync(response, 200, "[{\"n\":1}]",
            ("Link", $"<http://127.0.0.1:{Port(request)}/api/v1/users?after=same&limit=1>; rel=\"next\"")));
        using var client = TestClients.For(server.Domain);

        var failure = await Assert.ThrowsAsync<OktaPagingException>(
            () => client.ListAsync<JsonElement>("/api/v1/users?limit=1", CancellationToken.None).ToListAsync());

        Assert.Contains("repeated a cursor", failure.Message, StringComparison.Ordinal);
        Assert.Equal("/api/v1/users", failure.Path);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task RepeatedIamCursorIsAnError()
    {
        using var server = new ScriptedServer((request, response) => ScriptedServer.WriteJsonAsync(response, 200,
            $"{{\"roles\":[{{\"id\":\"cr0{request.Index}\"}}],\"_links\":{{\"next\":{{\"href\":\"http://127.0.0.1:{Port(request)}/api/v1/iam/roles?after=cr0{Math.Min(request.Index, 1)}\"}}}}}}"));
        using var client = TestClients.For(server.Domain);

        var failure = await Assert.ThrowsAsync<OktaPagingException>(
            () => client.ListIamAsync<OktaBaton.Core.Okta.Models.OktaIamRole>("/api/v1/iam/roles", "roles", CancellationToken.None).ToListAsync());

        Assert.Contains("repeated a cursor", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task NextLinkToAnotherOriginIsNotFollowed()
    {
        using var elsewhere = new ScriptedServer((_, response) => ScriptedServer.WriteJsonAsync(response, 200, "[]"));
        using var server = new ScriptedServer((_, response) => ScriptedServer.WriteJsonAsync(response, 200, "[{\"n\":1}]",
            ("Link", $"<http://127.0.0.1:{elsewhere.Port}/api/v1/users?after=x>; rel=\"next\"")));
        using var client = TestClients.For(server.Domain);

        var failure = await Assert.ThrowsAsync<OktaPagingException>(
            () => client.ListAsync<JsonElement>("/api/v1/users", CancellationToken.None).ToListAsync());

        Assert.Contains("another origin", failure.Message, StringComparison.Ordinal);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task UrlsOutsideTheOrgAreRefusedBeforeSending()
    {
        using var server = new ScriptedServer((_, response) => ScriptedServer.WriteJsonAsync(response, 200, "{}"));
        using var client = TestClients.For(server.Domain);

        var foreign = await Assert.ThrowsAsync<ArgumentException>(() => client.GetAsync<JsonElement>("https://evil.example.com/api/v1/users", CancellationToken.None));
        var notAPath = await Assert.ThrowsAsync<ArgumentException>(() => client.GetAsync<JsonElement>("api/v1/users", CancellationToken.None));
        var protocolRelative = await Assert.ThrowsAsync<ArgumentException>(() => client.GetAsync<JsonElement>("//evil.example.com/api/v1/users", CancellationToken.None));

        Assert.Contains("outside the org", foreign.Message, StringComparison.Ordinal);
        Assert.Contains("starting with '/'", notAPath.Message, StringComparison.Ordinal);
        Assert.Contains("starting with '/'", protocolRelative.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task RateLimitRetriesSendRetryHeadersThenSucceed()
    {
        using var server = new ScriptedServer((request, response) =>
        {
            if (request.Index < 2)
            {
                response.Headers.Set(HttpResponseHeader.Date, OldServerDate.ToString("r"));
                return ScriptedServer.WriteJsonAsync(response, 429,
                    "{\"errorCode\":\"E0000047\",\"errorSummary\":\"API call exceeded rate limit due to too many requests.\",\"errorCauses\":[]}",
                    ("X-Okta-Request-Id", "req-429-" + request.Index),
                    ("X-Rate-Limit-Limit", "10"), ("X-Rate-Limit-Remaining", "0"),
                    // Reset equals the server's Date: wait 1 s by the server's clock.
                    ("X-Rate-Limit-Reset", OldServerDate.ToUnixTimeSeconds().ToString()));
            }

            return ScriptedServer.WriteJsonAsync(response, 200, "{\"ok\":true}");
        });
        using var client = TestClients.For(server.Domain);

        var answer = await client.GetAsync<JsonElement>("/api/v1/users/me", CancellationToken.None);

        Assert.True(answer.GetProperty("ok").GetBoolean());
        var requests = server.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Null(requests[0].Header("X-Okta-Retry-Count"));
        Assert.Equal(("1", "req-429-0"), (requests[1].Header("X-Okta-Retry-Count"), requests[1].Header("X-Okta-Retry-For")));
        Assert.Equal(("2", "req-429-1"), (requests[2].Header("X-Okta-Retry-Count"), requests[2].Header("X-Okta-Retry-For")));
        Assert.Equal((3L, 2L, 2L, 0L), (client.Stats.Requests, client.Stats.Retries, client.Stats.RateLimited, client.Stats.Faults));
    }

    [Fact]
    public async Task PostIsRetriedAfter429ButNotAfter5xx()
    {
        var answers = new Queue<int>(new[] { 429, 503 });
        using var server = new ScriptedServer((request, response) =>
        {
            int status;
            lock (answers)
            {
                status = answers.Count > 0 ? answers.Dequeue() : 200;
            }

            return ScriptedServer.WriteJsonAsync(response, status, status == 200 ? "{}" : $"{{\"errorCode\":\"E{status}\",\"errorSummary\":\"x\"}}");
        });
        using var client = TestClients.For(server.Domain);

        var failure = await Assert.ThrowsAsync<OktaApiException>(
            () => client.SendAsync(HttpMethod.Post, "/api/v1/groups", new { profile = new { name = "x" } }, CancellationToken.None));

        Assert.Equal(503, failure.StatusCode);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal((1L, 1L, 1L), (client.Stats.Retries, client.Stats.RateLimited, client.Stats.Faults));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task SafeRequestsAreRetriedAfterTransientStatus(int status)
    {
        using var server = new ScriptedServer((request, response) => request.Index == 0
            ? ScriptedServer.WriteJsonAsync(response, status, "<html>busy</html>", ("X-Okta-Request-Id", "req-5xx"))
            : ScriptedServer.WriteJsonAsync(response, 200, "{\"id\":\"00u1\"}"));
        using var client = TestClients.For(server.Domain);

        await client.SendAsync(HttpMethod.Delete, "/api/v1/groups/00g1/users/00u1", null, CancellationToken.None);

        var requests = server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(("1", "req-5xx"), (requests[1].Header("X-Okta-Retry-Count"), requests[1].Header("X-Okta-Retry-For")));
        Assert.Equal(1L, client.Stats.Faults);
    }

    [Fact]
    public async Task GivesUpAfterMaxRetriesWithTheRateLimitError()
    {
        using var server = new ScriptedServer((_, response) => ScriptedServer.WriteJsonAsync(response, 429,
            "{\"errorCode\":\"E0000047\",\"errorSummary\":\"API call exceeded rate limit due to too many requests.\"}",
            ("X-Okta-Request-Id", "req-limited"), ("X-Rate-Limit-Limit", "0"), ("X-Rate-Limit-Remaining", "0")));
        using var client = TestClients.For(server.Domain, configure: o => o.MaxRetries = 2);

        var failure = await Assert.ThrowsAsync<OktaApiException>(() => client.GetAsync<JsonElement>("/api/v1/users", CancellationToken.None));

        Assert.True(failure.IsRateLimited);
        Assert.Equal("E0000047", failure.ErrorCode);
        Assert.True(failure.RateLimit!.IsConcurrencyLimit);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal((3L, 2L, 3L), (client.Stats.Requests, client.Stats.Retries, client.Stats.RateLimited));
    }

    [Fact]
    public async Task NonJsonErrorBodyStillGivesAUsefulError()
    {
        using var server = new ScriptedServer((_, response) =>
        {
            response.StatusCode = 404;
            response.ContentType = "text/html";
            var bytes = System.Text.Encoding.UTF8.GetBytes("<html><body>Not here</body></html>");
            response.OutputStream.Write(bytes);
            response.Close();
            return Task.CompletedTask;
        });
        using var client = TestClients.For(server.Domain);

        var failure = await Assert.ThrowsAsync<OktaApiException>(() => client.GetAsync<JsonElement>("/api/v1/users/00ux?secret=q", CancellationToken.None));

        Assert.True(failure.IsNotFound);
        Assert.Null(failure.ErrorCode);
        Assert.Contains("non-JSON answer, text/html", failure.Message, StringComparison.Ordinal);
        Assert.Contains("for GET /api/v1/users/00ux", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret=q", failure.ToString(), StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task UnreadableSuccessBodyIsAnOktaApiException()
    {
        using var server = new ScriptedServer((_, response) => ScriptedServer.WriteJsonAsync(response, 200, "{\"id\": [not json"));
        using var client = TestClients.For(server.Domain);

        var failure = await Assert.ThrowsAsync<OktaApiException>(() => client.GetAsync<JsonElement>("/api/v1/users/me", CancellationToken.None));

        Assert.Equal(200, failure.StatusCode);
        Assert.Contains("could not be read", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowAnswerTimesOutDistinctFromCancellationAndIsRetriedForGet()
    {
        using var release = new CancellationTokenSource();
        using var server = new ScriptedServer(async (_, response) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), release.Token);
            response.Close();
        });
        using var client = TestClients.For(server.Domain, configure: o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetries = 1;
        });

        var failure = await Assert.ThrowsAsync<OktaTimeoutException>(() => client.GetAsync<JsonElement>("/api/v1/users/me", CancellationToken.None));
        release.Cancel();

        Assert.IsAssignableFrom<TimeoutException>(failure);
        Assert.Equal("/api/v1/users/me", failure.Path);
        Assert.Contains("did not answer GET /api/v1/users/me", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal((2L, 1L, 2L), (client.Stats.Requests, client.Stats.Retries, client.Stats.Faults));
    }

    [Fact]
    public async Task PostIsNotRetriedAfterATimeout()
    {
        using var release = new CancellationTokenSource();
        using var server = new ScriptedServer(async (_, response) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), release.Token);
            response.Close();
        });
        using var client = TestClients.For(server.Domain, configure: o => o.RequestTimeout = TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<OktaTimeoutException>(() => client.SendAsync(HttpMethod.Post, "/api/v1/users", new { profile = new { } }, CancellationToken.None));
        release.Cancel();

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task CancellationIsNotATimeoutAndIsNotRetried()
    {
        using var release = new CancellationTokenSource();
        var arrived = new TaskCompletionSource();
        using var server = new ScriptedServer(async (_, response) =>
        {
            arrived.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(30), release.Token);
            response.Close();
        });
        using var client = TestClients.For(server.Domain);
        using var cancel = new CancellationTokenSource();

        var call = client.GetAsync<JsonElement>("/api/v1/users/me", cancel.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        cancel.Cancel();
        var failure = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        release.Cancel();

        Assert.IsNotType<OktaTimeoutException>(failure);
        Assert.Single(server.Requests);
        Assert.Equal(0L, client.Stats.Retries);
    }

    [Fact]
    public async Task AlreadyCancelledTokenSendsNothing()
    {
        using var server = new ScriptedServer((_, response) => ScriptedServer.WriteJsonAsync(response, 200, "{}"));
        using var client = TestClients.For(server.Domain);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync<JsonElement>("/api/v1/users/me", new CancellationToken(true)));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task RefusedConnectionIsRetriedEvenForPostThenReported()
    {
        var closedPort = ClosedPort();
        using var client = TestClients.For($"http://127.0.0.1:{closedPort}", configure: o => o.MaxRetries = 2);

        var failure = await Assert.ThrowsAsync<OktaConnectionException>(
            () => client.SendAsync(HttpMethod.Post, "/api/v1/groups", new { profile = new { name = "x" } }, CancellationToken.None));

        Assert.Contains($"Could not reach Okta at http://127.0.0.1:{closedPort} for POST /api/v1/groups", failure.Message, StringComparison.Ordinal);
        Assert.Equal((3L, 2L, 3L), (client.Stats.Requests, client.Stats.Retries, client.Stats.Faults));
    }

    [Fact]
    public async Task UnauthorizedIsResentOnceWhenTheAuthenticatorAsks()
    {
        using var server = new ScriptedServer((request, response) => request.Index == 0
            ? ScriptedServer.WriteJsonAsync(response, 401, "{\"errorCode\":\"E0000011\",\"errorSummary\":\"Invalid token provided\"}")
            : ScriptedServer.WriteJsonAsync(response, 200, "{\"id\":\"00u1\"}"));
        var authenticator = new NonceLearningAuthenticator();
        using var client = new OktaClient(new OktaClientOptions(OktaOrgUrl.Parse(server.Domain), authenticator));

        var me = await client.GetAsync<JsonElement>("/api/v1/users/me", CancellationToken.None);

        Assert.Equal("00u1", me.GetProperty("id").GetString());
        Assert.Equal(new[] { "Test one", "Test two" }, server.Requests.Select(r => r.Header("Authorization")));
        Assert.Equal(1, authenticator.UnauthorizedCalls);
    }

    [Fact]
    public async Task UnauthorizedTwiceIsFinal()
    {
        using var server = new ScriptedServer((_, response) =>
            ScriptedServer.WriteJsonAsync(response, 401, "{\"errorCode\":\"E0000011\",\"errorSummary\":\"Invalid token provided\"}"));
        var authenticator = new NonceLearningAuthenticator();
        using var client = new OktaClient(new OktaClientOptions(OktaOrgUrl.Parse(server.Domain), authenticator));

        var failure = await Assert.ThrowsAsync<OktaApiException>(() => client.GetAsync<JsonElement>("/api/v1/users/me", CancellationToken.None));

        Assert.True(failure.IsUnauthorized);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(1, authenticator.UnauthorizedCalls);
    }

    private static int Port(ScriptedRequest request) => int.Parse(request.Header("Host")!.Split(':')[1]);

    private static int ClosedPort()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private sealed class NonceLearningAuthenticator : IOktaAuthenticator
    {
        private string _proof = "one";

        public int UnauthorizedCalls { get; private set; }

        public string Method => "Test";

        public Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Test " + _proof);
            return Task.CompletedTask;
        }

        public Task<bool> ShouldRetryUnauthorizedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            UnauthorizedCalls++;
            _proof = "two";
            return Task.FromResult(true);
        }
    }
}
