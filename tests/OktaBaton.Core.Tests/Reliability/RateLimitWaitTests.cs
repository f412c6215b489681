using System.Text.Json;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Tests.Okta;
using Xunit;

namespace OktaBaton.Core.Tests.Reliability;

/// <summary>
/// A 429 whose reset is far away never stalls silently: beyond the maximum wait the request fails at once, naming the
/// bucket and when it resets; within it, the wait is announced (bucket, reset, length) before it starts.
/// </summary>
[Trait("Suite", "Reliability")]
public sealed class RateLimitWaitTests
{
    private static ScriptedServer RateLimitedServer(int resetInSeconds, int answersLimited)
    {
        var served = 0;
        return new ScriptedServer((_, response) =>
        {
            var now = DateTimeOffset.UtcNow;
            response.Headers.Add("Date", now.ToString("r"));
            response.Headers.Add("X-Rate-Limit-Limit", "600");
            if (Interlocked.Increment(ref served) <= answersLimited)
            {
                response.Headers.Add("X-Rate-Limit-Remaining", "0");
                response.Headers.Add("X-Rate-Limit-Reset", now.AddSeconds(resetInSeconds).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
                return ScriptedServer.WriteJsonAsync(response, 429, "{\"errorCode\":\"E0000047\",\"errorSummary\":\"API call exceeded rate limit due to too many requests.\"}");
            }

            response.Headers.Add("X-Rate-Limit-Remaining", "599");
            response.Headers.Add("X-Rate-Limit-Reset", now.AddSeconds(60).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            return ScriptedServer.WriteJsonAsync(response, 200, "[]");
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AResetBeyondTheMaximumWaitFailsAtOnceSayingWhen(bool paced)
    {
        using var server = RateLimitedServer(resetInSeconds: 600, answersLimited: int.MaxValue);
        using var client = TestClients.For(server.Domain, configure: o =>
        {
            o.MaxRateLimitWait = TimeSpan.FromMinutes(1);
            o.MaxRetryWait = TimeSpan.FromSeconds(70);
            o.PaceByRateLimits = paced;
        });

        var first = await Assert.ThrowsAsync<OktaOperationException>(() => client.GetAsync<JsonElement>("/api/v1/users?limit=1", CancellationToken.None));
        var second = await Assert.ThrowsAsync<OktaOperationException>(() => client.GetAsync<JsonElement>("/api/v1/users?limit=1", CancellationToken.None));

        foreach (var error in new[] { first, second })
        {
            Assert.Equal(("OktaRateLimited", OktaFailureKind.RateLimited), (error.ErrorId, error.Kind));
            Assert.Contains("rate limit on users-list is spent until", error.Message, StringComparison.Ordinal);
            Assert.Contains("longer than the maximum wait of 60 s (Connect-Okta -MaxRateLimitWaitSec)", error.Message, StringComparison.Ordinal);
            Assert.Matches(@"Try again after \d\d:\d\d:\d\d UTC", error.Message);
        }
        // no retry into the same spent window; a paced client does not even send the second request
        Assert.Equal(paced ? 1 : 2, server.Requests.Count);
    }

    [Fact]
    public async Task AWaitWithinTheMaximumIsAnnouncedBeforeItStarts()
    {
        using var server = RateLimitedServer(resetInSeconds: 2, answersLimited: 1);
        using var client = TestClients.For(server.Domain, configure: o =>
        {
            o.PaceByRateLimits = false;
            o.MaxRetryWait = TimeSpan.FromSeconds(10);
        });
        var waits = new List<OktaRateLimitWait>();

        using (OktaRateLimitWaits.Observe(w => { lock (waits) waits.Add(w); }))
        {
            await client.GetAsync<JsonElement>("/api/v1/users?limit=1", CancellationToken.None);
        }

        var wait = Assert.Single(waits);
        Assert.Equal("users-list", wait.Bucket);
        Assert.InRange(wait.Duration, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        Assert.Matches(@"^Waiting \d+ s for Okta's rate limit on users-list to reset at \d\d:\d\d:\d\d UTC\.$", wait.ToString());
        Assert.Equal(2, server.Requests.Count);
    }
}
