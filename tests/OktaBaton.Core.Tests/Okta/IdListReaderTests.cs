using System.Text;
using System.Text.Json;
using OktaBaton.Core.Okta;
using Xunit;

namespace OktaBaton.Core.Tests.Okta;

public sealed class IdListReaderTests
{
    [Fact]
    public void ReadsEachItemsOwnIdNotTheIdsNestedInIt()
    {
        var page = """
            [{"type":{"id":"oty1"},"id":"00u1","profile":{"id":"nested","list":[{"id":"deeper"}]},"_links":{"self":{"href":"x"}}},
             {"id":"00u2","credentials":{"emails":[{"value":"a@b"}]}}]
            """;

        Assert.Equal(new[] { "00u1", "00u2" }, IdListReader.Parse(Encoding.UTF8.GetBytes(page)));
    }

    [Fact]
    public void AnEmptyPageHasNoIds() => Assert.Empty(IdListReader.Parse(Encoding.UTF8.GetBytes("[]")));

    [Theory]
    [InlineData("""{"id":"00u1"}""")]
    [InlineData("""[{"profile":{"id":"nested"}}]""")]
    [InlineData("""[{"id":42}]""")]
    [InlineData("""["00u1"]""")]
    [InlineData("""[{"id":"00u1"}""")]
    [InlineData("""[{"id":"00u1"}] []""")]
    public void APageThatIsNotAListOfObjectsWithIdsIsAJsonError(string page) =>
        Assert.ThrowsAny<JsonException>(() => IdListReader.Parse(Encoding.UTF8.GetBytes(page)));

    [Fact]
    public async Task ReadsAPageLargerThanItsFirstBuffer()
    {
        var ids = Enumerable.Range(0, 5000).Select(i => $"00u{i:D8}").ToList();
        var page = "[" + string.Join(",", ids.Select(id => "{\"id\":\"" + id + "\",\"profile\":{\"login\":\"" + id + "@example.com\"}}")) + "]";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(page));

        Assert.Equal(ids, await IdListReader.ReadAsync(stream, CancellationToken.None));
    }
}
