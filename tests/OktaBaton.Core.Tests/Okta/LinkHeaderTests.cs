using System.Net.Http;
using OktaBaton.Core.Okta;
using Xunit;

namespace OktaBaton.Core.Tests.Okta;

public class LinkHeaderTests
{
    [Fact]
    public void FindsNextAmongSeparateHeaderLines()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Link", "<https://x.okta.com/api/v1/users?limit=2>; rel=\"self\"");
        response.Headers.TryAddWithoutValidation("Link", "<https://x.okta.com/api/v1/users?after=00u2&limit=2>; rel=\"next\"");

        Assert.Equal("https://x.okta.com/api/v1/users?after=00u2&limit=2", LinkHeader.FindNext(response.Headers));
    }

    [Fact]
    public void FindsNextInOneCommaJoinedLineWhoseUrlsContainCommasAndSemicolons()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Link",
            "<https://x.okta.com/api/v1/users?filter=a,b;c&limit=2>; rel=\"self\", " +
            "<https://x.okta.com/api/v1/users?after=00u2,x;y&limit=2>; title=\"a, b\"; rel=next");

        Assert.Equal("https://x.okta.com/api/v1/users?after=00u2,x;y&limit=2", LinkHeader.FindNext(response.Headers));
    }

    [Fact]
    public void AcceptsSeveralRelationsInOneRel()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Link", "<https://x.okta.com/a?after=1>; REL=\"last next\"");

        Assert.Equal("https://x.okta.com/a?after=1", LinkHeader.FindNext(response.Headers));
    }

    [Fact]
    public void NoNextWhenOnlySelf()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Link", "<https://x.okta.com/api/v1/users?limit=2>; rel=\"self\"");

        Assert.Null(LinkHeader.FindNext(response.Headers));
    }

    [Fact]
    public void NoNextWithoutLinkHeader()
    {
        using var response = new HttpResponseMessage();

        Assert.Null(LinkHeader.FindNext(response.Headers));
    }
}
