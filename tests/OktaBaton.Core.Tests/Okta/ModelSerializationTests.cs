using System.Text.Json;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;
using Xunit;

namespace OktaBaton.Core.Tests.Okta;

public class ModelSerializationTests
{
    [Fact]
    public void UserKeepsCustomProfileAttributesAndRoundTripsThem()
    {
        const string json = """
            {"id":"00u1","status":"ACTIVE","created":"2024-03-01T10:00:00.000Z","lastLogin":null,
             "type":{"id":"oty1"},
             "profile":{"login":"ana@example.com","email":"ana@example.com","secondEmail":"ana@home.example",
                        "firstName":"Ana","lastName":"Lima","costCenter":"R&D","employeeNumber":42,
                        "badges":["a","b"],"manager":{"id":"00u9"}},
             "credentials":{"provider":{"type":"OKTA","name":"OKTA"},"emails":[{"value":"ana@example.com"}]}}
            """;

        var user = JsonSerializer.Deserialize<OktaUser>(json, OktaJson.Options)!;

        Assert.Equal("00u1", user.Id);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), user.Created);
        Assert.Null(user.LastLogin);
        Assert.Equal("oty1", user.Type!.Id);
        Assert.Equal("ana@home.example", user.Profile.SecondEmail);
        Assert.Equal("OKTA", user.Credentials!.Provider!.Type);
        Assert.Equal("R&D", user.Profile.Extra["costCenter"].GetString());
        Assert.Equal(42, user.Profile.Extra["employeeNumber"].GetInt32());
        Assert.Equal("00u9", user.Profile.Extra["manager"].GetProperty("id").GetString());
        Assert.DoesNotContain("login", user.Profile.Extra.Keys);

        var again = JsonSerializer.Deserialize<JsonElement>(JsonSerializer.Serialize(user.Profile, OktaJson.Options));
        Assert.Equal("R&D", again.GetProperty("costCenter").GetString());
        Assert.Equal("ana@example.com", again.GetProperty("login").GetString());
        Assert.Equal(2, again.GetProperty("badges").GetArrayLength());
    }

    [Theory]
    [InlineData("hasAdminPrivilege")]
    [InlineData("hasAdminPrivileges")]
    public void GroupStatsAcceptBothSpellingsOfAdminPrivilege(string spelling)
    {
        var json = "{\"id\":\"00g1\",\"type\":\"OKTA_GROUP\",\"objectClass\":[\"okta:user_group\"]," +
            "\"profile\":{\"name\":\"Admins\",\"description\":null,\"owner\":\"it\"}," +
            "\"_embedded\":{\"stats\":{\"usersCount\":3,\"appsCount\":1,\"groupPushMappingsCount\":0,\"" + spelling + "\":true}}}";

        var group = JsonSerializer.Deserialize<OktaGroup>(json, OktaJson.Options)!;

        Assert.True(group.Stats!.HoldsAdminPrivilege);
        Assert.Equal(3, group.Stats.UsersCount);
        Assert.Equal(1, group.Stats.AppsCount);
        Assert.Equal("it", group.Profile.Extra["owner"].GetString());
        Assert.Equal("okta:user_group", Assert.Single(group.ObjectClass!));
    }

    [Fact]
    public void GroupWithoutStatsHoldsNoPrivilegeFlag()
    {
        var group = JsonSerializer.Deserialize<OktaGroup>("""{"id":"00g2","profile":{"name":"Everyone"},"type":"BUILT_IN"}""", OktaJson.Options)!;

        Assert.Null(group.Stats);
        Assert.Equal("BUILT_IN", group.Type);
    }

    [Fact]
    public void CustomRoleAssignmentReadsResourceSetAndWritesItBack()
    {
        const string json = """{"id":"ra1","label":"Help","type":"CUSTOM","status":"ACTIVE","assignmentType":"GROUP","role":"cr01","resource-set":"iam01"}""";

        var assignment = JsonSerializer.Deserialize<OktaRoleAssignment>(json, OktaJson.Options)!;
        var written = JsonSerializer.Serialize(new OktaRoleAssignment { Type = "CUSTOM", Role = "cr01", ResourceSet = "iam01" }, OktaJson.Options);

        Assert.Equal(("cr01", "iam01", "GROUP"), (assignment.Role, assignment.ResourceSet, assignment.AssignmentType));
        Assert.Contains("\"resource-set\":\"iam01\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiTokensMayHaveNoExpiry()
    {
        const string json = """
            [{"id":"00T1","name":"ci","userId":"00u1","clientName":"Okta API","tokenWindow":"PT720H","expiresAt":"2030-01-01T00:00:00.000Z",
              "network":{"connection":"ANYWHERE"}},
             {"id":"00T2","name":"old","userId":"00u2","tokenWindow":"PT720H"}]
            """;

        var tokens = JsonSerializer.Deserialize<List<OktaApiToken>>(json, OktaJson.Options)!;

        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), tokens[0].ExpiresAt);
        Assert.Equal("ANYWHERE", tokens[0].Network!.Connection);
        Assert.Null(tokens[1].ExpiresAt);
    }

    [Fact]
    public void AppUsersAppGroupsBindingMembersAndAssigneesRead()
    {
        var appUser = JsonSerializer.Deserialize<OktaAppUser>(
            """{"id":"00u1","scope":"GROUP","status":"ACTIVE","credentials":{"userName":"ana"},"profile":{"role":"Editor"}}""", OktaJson.Options)!;
        var appGroup = JsonSerializer.Deserialize<OktaAppGroup>("""{"id":"00g1","priority":0,"profile":{"role":"Viewer"}}""", OktaJson.Options)!;
        var member = JsonSerializer.Deserialize<OktaBindingMember>(
            """{"id":"irb1","_links":{"self":{"href":"https://x.okta.com/api/v1/users/00u1"}}}""", OktaJson.Options)!;
        var assignee = JsonSerializer.Deserialize<OktaAssignee>(
            """{"id":"00u1","orn":"orn:okta:directory:1:users:00u1","_links":{"self":{"href":"h"},"roles":{"href":"r"}}}""", OktaJson.Options)!;

        Assert.Equal(("GROUP", "ana", "Editor"), (appUser.Scope, appUser.Credentials!.UserName, appUser.Profile!["role"].GetString()));
        Assert.Equal((0, "Viewer"), (appGroup.Priority, appGroup.Profile!["role"].GetString()));
        Assert.Equal("https://x.okta.com/api/v1/users/00u1", member.Href);
        Assert.Equal("r", assignee.Links!.Other!["roles"].GetProperty("href").GetString());
    }
}
