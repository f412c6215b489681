using System.Net.Http;
using System.Text.Json;
using OktaBaton.Core.Okta;
using Xunit;

namespace OktaBaton.Core.Tests.Okta;

public class ErrorAndGateTests
{
    [Fact]
    public async Task OktaErrorBodyBecomesAReadableException()
    {
        using var server = new ScriptedServer((_, response) => ScriptedServer.WriteJsonAsync(response, 400,
            """
            {"errorCode":"E0000001","errorSummary":"Api validation failed: login","errorLink":"E0000001","errorId":"oaeAbc",
             "errorCauses":[{"errorSummary":"login: An object with this field already exists in the current organization"}]}
            """,
            ("X-Okta-Request-Id", "reqXyz")));
        using var client = TestClients.For(server.Domain);

        var failure = await Assert.ThrowsAsync<OktaApiException>(
            () => client.SendAsync<JsonElement>(HttpMethod.Post, "/api/v1/users?activate=false", new { profile = new { login = "a@b.c" } }, CancellationToken.None));

        Assert.Equal(
            "Okta answered 400 E0000001 Api validation failed: login (login: An object with this field already exists in the current organization) " +
            "for POST /api/v1/users (request id reqXyz)",
            failure.Message);
        Assert.Equal((400, "E0000001", "oaeAbc", "reqXyz", "POST", "/api/v1/users"),
            (failure.StatusCode, failure.ErrorCode, failure.ErrorId, failure.RequestId, failure.Method, failure.Path));
        Assert.True(failure.IsValidationError);
        Assert.Single(failure.ErrorCauses);
    }

    [Fact]
    public async Task ListPagesYieldsEachPageAsItCame()
    {
        using var server = new ScriptedServer((request, response) => request.Index switch
        {
            0 => ScriptedServer.WriteJsonAsync(response, 200, "[1,2]", ("Link", $"<http://127.0.0.1:{Port(request)}/api/v1/n?after=2>; rel=\"next\"")),
            1 => ScriptedServer.WriteJsonAsync(response, 200, "[3,4]", ("Link", $"<http://127.0.0.1:{Port(request)}/api/v1/n?after=4>; rel=\"next\"")),
            _ => ScriptedServer.WriteJsonAsync(response, 200, "[5]"),
        });
        using var client = TestClients.For(server.Domain);

        var pages = await client.ListPagesAsync<int>("/api/v1/n", CancellationToken.None).ToListAsync();

        Assert.Equal(new[] { new[] { 1, 2 }, new[] { 3, 4 }, new[] { 5 } }, pages.Select(p => p.ToArray()));
    }

    [Fact]
    public async Task GateIsAskedBeforeEveryAttemptToldEveryAnswersRateLimitsAndReleasedAfter()
    {
        using var server = new ScriptedServer((request, response) => request.Index == 0
            ? ScriptedServer.WriteJsonAsync(response, 503, "{}", ("X-Rate-Limit-Limit", "600"), ("X-Rate-Limit-Remaining", "599"), ("X-Rate-Limit-Reset", "1700000000"))
            : ScriptedServer.WriteJsonAsync(response, 200, "{}", ("X-Rate-Limit-Limit", "600"), ("X-Rate-Limit-Remaining", "598"), ("X-Rate-Limit-Reset", "1700000000")));
        var gate = new RecordingGate();
        using var client = TestClients.For(server.Domain, configure: o => o.Gate = gate);

        await client.GetAsync<JsonElement>("/api/v1/users/00u1", CancellationToken.None);

        Assert.Equal(new[] { "wait GET /api/v1/users/00u1", "answer 503 599", "done", "wait GET /api/v1/users/00u1", "answer 200 598", "done" }, gate.Events);
    }

    private static int Port(ScriptedRequest request) => int.Parse(request.Header("Host")!.Split(':')[1]);

    private sealed class RecordingGate : IRequestGate
    {
        public List<string> Events { get; } = new();

        public Task<IRequestLease> EnterAsync(HttpMethod method, Uri uri, CancellationToken cancellationToken)
        {
            Record($"wait {method} {uri.AbsolutePath}");
            return Task.FromResult<IRequestLease>(new RecordingLease(this));
        }

        private void Record(string line)
        {
            lock (Events)
            {
                Events.Add(line);
            }
        }

        private sealed class RecordingLease : IRequestLease
        {
            private readonly RecordingGate _gate;

            public RecordingLease(RecordingGate gate) => _gate = gate;

            public void OnResponse(int statusCode, RateLimitInfo rateLimit) => _gate.Record($"answer {statusCode} {rateLimit.Remaining}");

            public void Dispose() => _gate.Record("done");
        }
    }
}
