using OktaBaton.Core.Okta.RateLimiting;
using Xunit;

namespace OktaBaton.Core.Tests.RateLimiting;

public sealed class OktaRateBucketTests
{
    [Theory]
    [InlineData("GET", "/api/v1/users", "users-list")]
    [InlineData("GET", "/api/v1/users/", "users-list")]
    [InlineData("POST", "/api/v1/users", "users-write")]
    [InlineData("GET", "/api/v1/users/00u1", "users-id")]
    [InlineData("GET", "/api/v1/users/00u1/roles", "users-id")]
    [InlineData("DELETE", "/api/v1/users/00u1", "users-write")]
    [InlineData("GET", "/api/v1/groups", "groups-list")]
    [InlineData("POST", "/api/v1/groups", "groups-list")]
    [InlineData("GET", "/api/v1/groups/00g1/users", "groups-id")]
    [InlineData("PUT", "/api/v1/groups/00g1/users/00u1", "groups-id")]
    [InlineData("GET", "/api/v1/apps", "apps")]
    [InlineData("GET", "/api/v1/apps/0oa1", "apps-id")]
    [InlineData("DELETE", "/api/v1/apps/0oa1", "apps")]
    [InlineData("GET", "/api/v1/apps/0oa1/users", "apps")]
    [InlineData("GET", "/api/v1/apps/0oa1/groups", "apps")]
    [InlineData("GET", "/api/v1/iam/assignees/users", "default")]
    [InlineData("GET", "/api/v1/usersX", "default")]
    [InlineData("GET", "/api/v1/api-tokens", "default")]
    [InlineData("POST", "/oauth2/v1/token", "other")]
    public void ClassifiesLikeOkta(string method, string path, string bucket) =>
        Assert.Equal(bucket, OktaRateBucket.Classify(method, path).Name);

    [Fact]
    public void StartsFromOktasDocumentedWorkforceLimits()
    {
        Assert.Equal(100, OktaRateBucket.Classify("GET", "/api/v1/apps").DocumentedLimit);
        Assert.Equal(1000, OktaRateBucket.Classify("GET", "/api/v1/groups/00g1/users").DocumentedLimit);
        Assert.Equal(600, OktaRateBucket.Classify("GET", "/api/v1/users").DocumentedLimit);
    }
}
