using System.Text;
using System.Text.Json;
using OktaBaton.Core.Okta;
using Xunit;

namespace OktaBaton.Core.Tests.Okta;

public sealed class AppUserListReaderTests
{
    [Fact]
    public void ReadsEachUsersIdScopeAndTheGroupItsLinksName()
    {
        var page = """
            [{"id":"00u1","scope":"USER","credentials":{"userName":"a"},"profile":{"id":"nested","scope":"GROUP"},"_links":{"app":{"href":"x"},"user":{"href":"y"}}},
             {"_links":{"group":{"name":"Engineering","href":"https://acme.okta.com/api/v1/groups/00g7"},"user":{"href":"z"}},"scope":"GROUP","id":"00u2"},
             {"id":"00u3","scope":"GROUP"},
             {"id":"00u4"}]
            """;

        var users = AppUserListReader.Parse(Encoding.UTF8.GetBytes(page));

        Assert.Equal(new[] { ("00u1", false, (string?)null), ("00u2", true, "00g7"), ("00u3", true, null), ("00u4", false, null) },
            users.Select(u => (u.Id, u.ThroughGroup, u.GroupHint)));
    }

    [Theory]
    [InlineData("""{"id":"00u1"}""")]
    [InlineData("""[{"scope":"USER"}]""")]
    [InlineData("""[{"id":7}]""")]
    [InlineData("""[{"id":"00u1"}""")]
    public void APageThatIsNotAListOfAppUsersIsAJsonError(string page) =>
        Assert.ThrowsAny<JsonException>(() => AppUserListReader.Parse(Encoding.UTF8.GetBytes(page)));
}
