using OktaBaton.Core.Okta;
using Xunit;

namespace OktaBaton.Core.Tests.Okta;

public class OktaOrgUrlTests
{
    [Theory]
    [InlineData("example.okta.com", "https://example.okta.com/", "example.okta.com")]
    [InlineData("https://example.okta.com", "https://example.okta.com/", "example.okta.com")]
    [InlineData("https://example.okta.com/", "https://example.okta.com/", "example.okta.com")]
    [InlineData("  Example.OKTA.com  ", "https://example.okta.com/", "example.okta.com")]
    [InlineData("HTTPS://example.oktapreview.com", "https://example.oktapreview.com/", "example.oktapreview.com")]
    [InlineData("example.okta.com:8443", "https://example.okta.com:8443/", "example.okta.com:8443")]
    [InlineData("https://example.okta.com:443", "https://example.okta.com/", "example.okta.com")]
    [InlineData("login.example.com", "https://login.example.com/", "login.example.com")]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/", "127.0.0.1:5000")]
    [InlineData("http://127.0.0.2:5000/", "http://127.0.0.2:5000/", "127.0.0.2:5000")]
    [InlineData("http://localhost:8080", "http://localhost:8080/", "localhost:8080")]
    [InlineData("http://[::1]:8080", "http://[::1]:8080/", "[::1]:8080")]
    public void Accepts(string input, string expectedBase, string expectedDomain)
    {
        var url = OktaOrgUrl.Parse(input);

        Assert.Equal(expectedBase, url.BaseUri.ToString());
        Assert.Equal(expectedDomain, url.Domain);
        Assert.True(OktaOrgUrl.TryParse(input, out var again, out var error));
        Assert.Null(error);
        Assert.Equal(url, again);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("https://example.okta.com/oauth2/default", "path")]
    [InlineData("example.okta.com/api/v1", "path")]
    [InlineData("https://example.okta.com/?x=1", "query")]
    [InlineData("https://example.okta.com?", "query")]
    [InlineData("https://example.okta.com/#top", "fragment")]
    [InlineData("https://admin:pw@example.okta.com", "user information")]
    [InlineData("admin@example.okta.com", "user information")]
    [InlineData("http://example.okta.com", "loopback")]
    [InlineData("http://10.0.0.5:8080", "loopback")]
    [InlineData("ftp://example.okta.com", "scheme")]
    [InlineData("exa mple.okta.com", "whitespace")]
    [InlineData("https://", "not a valid host")]
    public void RejectsWithAClearMessage(string input, string expectedInMessage)
    {
        var failure = Assert.Throws<ArgumentException>(() => OktaOrgUrl.Parse(input));

        Assert.Contains(expectedInMessage, failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(OktaOrgUrl.TryParse(input, out var url, out var error));
        Assert.Null(url);
        Assert.Contains(expectedInMessage, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void RejectingUserInfoDoesNotRepeatThePassword()
    {
        var failure = Assert.Throws<ArgumentException>(() => OktaOrgUrl.Parse("https://admin:hunter2@example.okta.com"));

        Assert.DoesNotContain("hunter2", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.okta.com/api/v1/users?after=x", true)]
    [InlineData("https://EXAMPLE.okta.com/api/v1/users", true)]
    [InlineData("http://example.okta.com/api/v1/users", false)]
    [InlineData("https://example.okta.com:8443/api/v1/users", false)]
    [InlineData("https://evil.example.com/api/v1/users", false)]
    public void SameOriginComparesSchemeHostAndPort(string candidate, bool expected)
    {
        var org = OktaOrgUrl.Parse("example.okta.com");

        Assert.Equal(expected, org.IsSameOrigin(new Uri(candidate)));
    }
}
