using System.Net.Http;
using OktaBaton.Core.Okta;
using Xunit;

namespace OktaBaton.Core.Tests.Okta;

public class RetryDelayTests
{
    private static readonly DateTimeOffset ServerNow = new(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RateLimitWaitIsResetMinusServerDatePlusOneSecond()
    {
        var rateLimit = Headers(limit: "600", remaining: "0", reset: ServerNow.AddSeconds(7), date: ServerNow);

        // The local clock is a day off: the server's Date must be what counts.
        var delay = OktaRetryPipeline.DelayFor(RateLimited(rateLimit), 0, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(70), ServerNow.AddDays(1));

        Assert.Equal(TimeSpan.FromSeconds(8), delay);
    }

    [Fact]
    public void SmallestResetWinsWhenSeveralArrive()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("X-Rate-Limit-Reset", ServerNow.AddSeconds(30).ToUnixTimeSeconds() + ", " + ServerNow.AddSeconds(4).ToUnixTimeSeconds());
        response.Headers.TryAddWithoutValidation("X-Rate-Limit-Reset", ServerNow.AddSeconds(20).ToUnixTimeSeconds().ToString());
        response.Headers.Date = ServerNow;
        var rateLimit = RateLimitInfo.FromHeaders(response.Headers)!;

        Assert.Equal(ServerNow.AddSeconds(4), rateLimit.Reset);
        Assert.Equal(TimeSpan.FromSeconds(5), OktaRetryPipeline.DelayFor(RateLimited(rateLimit), 0, TimeSpan.Zero, TimeSpan.FromSeconds(70), ServerNow));
    }

    [Fact]
    public void RateLimitWaitIsCappedByMaxRetryWait()
    {
        var rateLimit = Headers(limit: "600", remaining: "0", reset: ServerNow.AddSeconds(300), date: ServerNow);

        var delay = OktaRetryPipeline.DelayFor(RateLimited(rateLimit), 0, TimeSpan.Zero, TimeSpan.FromSeconds(70), ServerNow);

        Assert.Equal(TimeSpan.FromSeconds(70), delay);
    }

    [Fact]
    public void ConcurrencyLimitWaitsAtLeastTheBackoff()
    {
        // Limit 0 marks a concurrency 429: its reset is only an estimate, here already passed.
        var rateLimit = Headers(limit: "0", remaining: "0", reset: ServerNow.AddSeconds(-5), date: ServerNow);
        var backoffFloor = TimeSpan.FromSeconds(2) * 0.75;

        var delay = OktaRetryPipeline.DelayFor(RateLimited(rateLimit), 0, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(70), ServerNow);

        Assert.True(rateLimit.IsConcurrencyLimit);
        Assert.InRange(delay, backoffFloor, TimeSpan.FromSeconds(70));
    }

    [Fact]
    public void BackoffGrowsExponentiallyWithinJitterAndCap()
    {
        var first = OktaRetryPipeline.Backoff(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(70));
        var third = OktaRetryPipeline.Backoff(2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(70));
        var capped = OktaRetryPipeline.Backoff(20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(70));

        Assert.InRange(first, TimeSpan.FromSeconds(0.75), TimeSpan.FromSeconds(1.25));
        Assert.InRange(third, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(70), capped);
    }

    [Fact]
    public void RateLimitHeadersAreParsed()
    {
        var rateLimit = Headers(limit: "1200", remaining: "17", reset: ServerNow.AddSeconds(42), date: ServerNow);

        Assert.Equal(1200, rateLimit.Limit);
        Assert.Equal(17, rateLimit.Remaining);
        Assert.Equal(ServerNow.AddSeconds(42), rateLimit.Reset);
        Assert.Equal(ServerNow, rateLimit.ServerDate);
        Assert.False(rateLimit.IsConcurrencyLimit);
    }

    [Fact]
    public void NoRateLimitInfoWithoutHeaders()
    {
        using var response = new HttpResponseMessage();

        Assert.Null(RateLimitInfo.FromHeaders(response.Headers));
    }

    private static RateLimitInfo Headers(string limit, string remaining, DateTimeOffset reset, DateTimeOffset date)
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("X-Rate-Limit-Limit", limit);
        response.Headers.TryAddWithoutValidation("X-Rate-Limit-Remaining", remaining);
        response.Headers.TryAddWithoutValidation("X-Rate-Limit-Reset", reset.ToUnixTimeSeconds().ToString());
        response.Headers.Date = date;
        return RateLimitInfo.FromHeaders(response.Headers)!;
    }

    private static OktaApiException RateLimited(RateLimitInfo rateLimit) =>
        new(429, "E0000047", "API call exceeded rate limit due to too many requests.", null, null, "req-1", "GET", "/api/v1/users", rateLimit, null);
}
