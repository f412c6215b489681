using System.Net.Http;
using System.Security;
using System.Text.Json;
using OktaBaton.Core.Okta;
using Xunit;

namespace OktaBaton.Core.Tests.Okta;

public class SecretHygieneTests
{
    [Fact]
    public async Task TokenNeverAppearsInAnyFailure()
    {
        using var server = new ScriptedServer((request, response) => request.PathAndQuery switch
        {
            "/unauthorized" => ScriptedServer.WriteJsonAsync(response, 401,
                "{\"errorCode\":\"E0000011\",\"errorSummary\":\"Invalid token provided\",\"errorId\":\"oae1\",\"errorCauses\":[]}",
                ("X-Okta-Request-Id", "req-401")),
            "/busy" => ScriptedServer.WriteJsonAsync(response, 503, "busy"),
            _ => ScriptedServer.WriteJsonAsync(response, 200, "[1]", ("Link", "<https://evil.example.com/x>; rel=\"next\"")),
        });
        using var client = TestClients.For(server.Domain, configure: o => o.MaxRetries = 1);
        using var refused = TestClients.For("http://127.0.0.1:1", configure: o => o.MaxRetries = 0);

        var failures = new List<Exception>
        {
            await Assert.ThrowsAsync<OktaApiException>(() => client.GetAsync<JsonElement>("/unauthorized", CancellationToken.None)),
            await Assert.ThrowsAsync<OktaApiException>(() => client.GetAsync<JsonElement>("/busy", CancellationToken.None)),
            await Assert.ThrowsAsync<OktaPagingException>(() => client.ListAsync<int>("/list", CancellationToken.None).ToListAsync()),
            await Assert.ThrowsAsync<OktaConnectionException>(() => refused.GetAsync<JsonElement>("/api/v1/users/me", CancellationToken.None)),
        };

        var unauthorized = (OktaApiException)failures[0];
        Assert.Equal(("E0000011", "oae1", "req-401"), (unauthorized.ErrorCode, unauthorized.ErrorId, unauthorized.RequestId));
        foreach (var failure in failures)
        {
            Assert.DoesNotContain(TestClients.Token, failure.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("SSWS", failure.ToString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(TestClients.Token, client.Stats.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticatorHidesTheTokenAndRejectsBadOnes()
    {
        using var secure = new SecureString();
        foreach (var c in TestClients.Token)
        {
            secure.AppendChar(c);
        }

        var authenticator = new ApiTokenAuthenticator(secure);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://x.okta.com/api/v1/users/me");
        await authenticator.AuthenticateAsync(request, CancellationToken.None);

        Assert.Equal("SSWS " + TestClients.Token, request.Headers.Authorization!.ToString());
        Assert.Equal("ApiToken", authenticator.Method);
        Assert.DoesNotContain(TestClients.Token, authenticator.ToString()!, StringComparison.Ordinal);

        var empty = Assert.Throws<ArgumentException>(() => new ApiTokenAuthenticator("  "));
        var broken = Assert.Throws<ArgumentException>(() => new ApiTokenAuthenticator("abc\r\nX-Injected: 1"));
        Assert.Contains("empty", empty.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Injected", broken.Message, StringComparison.Ordinal);
    }
}
