using OktaBaton.Simulator;
using Xunit;

namespace OktaBaton.Core.Tests.Simulator;

public sealed class SimulatorOptionsTests
{
    [Fact]
    public void Parses_every_flag()
    {
        var options = SimulatorOptions.Parse(new[]
        {
            "--users", "100", "--groups", "10", "--apps", "3", "--seed", "9", "--membership-scale", "1.5",
            "--token", "abc", "--token", "def:read-only", "--token", "ghi:read-only:20%", "--token", "jkl:100%",
            "--principal-share", "75", "--principal-headers", "org", "--latency-ms", "5", "--rate-limits", "workforce",
            "--rate-limit-scale", "0.25", "--rate-window-seconds", "2", "--concurrency-limit", "0",
            "--fault-rate", "0.1", "--fault-seed", "4", "--port", "0",
        });
        Assert.Equal("generated", options.Org);
        Assert.Equal((100, 10, 3, 9), (options.Users, options.Groups, options.Apps, options.Seed));
        Assert.Equal(1.5, options.MembershipScale);
        Assert.Equal(new[] { new SimulatorToken("abc"), new SimulatorToken("def", "read-only"), new SimulatorToken("ghi", "read-only", 20), new SimulatorToken("jkl", "super-admin", 100) }, options.Tokens);
        Assert.Equal(75, options.PrincipalRateLimitPercent);
        Assert.Equal(PrincipalHeaderMode.Org, options.PrincipalHeaders);
        Assert.Equal(5, options.LatencyMs);
        Assert.Equal(RateLimitMode.Workforce, options.RateLimits);
        Assert.Equal(0.25, options.RateLimitScale);
        Assert.Equal(2, options.RateWindowSeconds);
        Assert.Equal(0, options.ConcurrencyLimit);
        Assert.Equal(0.1, options.FaultRate);
        Assert.Equal(4, options.FaultSeed);
        Assert.False(options.ShowHelp);
    }

    [Fact]
    public void Defaults_are_the_demo_org_without_limits()
    {
        var options = SimulatorOptions.Parse(Array.Empty<string>());
        Assert.Equal("demo", options.Org);
        Assert.Equal(RateLimitMode.Unlimited, options.RateLimits);
        Assert.Equal(75, options.ConcurrencyLimit);
        Assert.Equal(50, options.PrincipalRateLimitPercent);
        Assert.Empty(options.Tokens);
        Assert.True(SimulatorOptions.Parse(new[] { "--help" }).ShowHelp);
    }

    [Theory]
    [InlineData("--bogus", "Unknown option '--bogus'")]
    [InlineData("--users", "--users needs a value")]
    [InlineData("--users many", "--users must be a whole number")]
    [InlineData("--fault-rate 2", "--fault-rate must be a number between 0 and 1")]
    [InlineData("--rate-limits fast", "--rate-limits must be 'workforce' or 'unlimited'")]
    [InlineData("--org tiny", "--org must be 'demo' or 'generated'")]
    [InlineData("--org demo --users 5", "cannot be combined with --org demo")]
    [InlineData("--principal-headers token", "--principal-headers must be 'binding' or 'org'")]
    [InlineData("--principal-share 4", "--principal-share must be a whole number between 5 and 100")]
    [InlineData("--token abc:read-only:101%", "the rate-limit share must be 5% to 100%, not '101%'")]
    [InlineData("--token abc:half%", "the rate-limit share must be 5% to 100%, not 'half%'")]
    public void Bad_arguments_get_a_clear_message(string args, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => SimulatorOptions.Parse(args.Split(' ')));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_token_profile_is_reported_without_the_token_value()
    {
        var error = Assert.Throws<ArgumentException>(() => SimulatorOptions.Parse(new[] { "--token", "s3cr3t-value:root" }));
        Assert.Contains("unknown profile 'root'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", new SimulatorToken("s3cr3t-value").ToString(), StringComparison.Ordinal);
    }
}
