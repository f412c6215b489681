using System.Net;
using System.Net.Http;
using OktaBaton.Core.Okta.Models;
using OktaBaton.Core.Provisioning;
using OktaBaton.Core.Tests.Okta;
using Xunit;

namespace OktaBaton.Core.Tests.Provisioning;

/// <summary>
/// POST /groups/{id}/roles documents a 200 with the assignment and a 201 without content; POST /users/{id}/roles a 201
/// with it. The client accepts every one, and a role grant whose answer had no body still reports the write it made.
/// </summary>
public sealed class RoleAssignmentAnswerTests
{
    private const string Assignment = "{\"id\":\"gra1\",\"type\":\"USER_ADMIN\",\"status\":\"ACTIVE\",\"assignmentType\":\"GROUP\"}";

    [Theory]
    [InlineData(200, Assignment, "gra1")]
    [InlineData(201, Assignment, "gra1")]
    [InlineData(201, "", null)]
    [InlineData(204, "", null)]
    public async Task AWriteAnswerIsTheObjectWhenThereIsOneAndNullWhenThereIsNone(int status, string body, string? expectedId)
    {
        using var server = new ScriptedServer(async (_, response) =>
        {
            if (body.Length == 0)
            {
                response.StatusCode = status;
                response.Close();
                return;
            }

            await ScriptedServer.WriteJsonAsync(response, status, body);
        });
        using var client = TestClients.For(server.Domain);

        var answer = await client.SendWriteAsync<OktaRoleAssignment>(HttpMethod.Post, "/api/v1/groups/00g1/roles", new { type = "USER_ADMIN" }, CancellationToken.None);

        Assert.Equal(expectedId, answer?.Id);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task AGroupRoleGrantAnsweredWithoutContentIsGrantedWithTheAssignmentItCreated()
    {
        var posted = false;
        using var server = new ScriptedServer(async (request, response) =>
        {
            switch (request.Method, request.PathAndQuery)
            {
                case ("GET", "/api/v1/groups/00g1"):
                    await ScriptedServer.WriteJsonAsync(response, 200, "{\"id\":\"00g1\",\"type\":\"OKTA_GROUP\",\"profile\":{\"name\":\"Ops\"}}");
                    break;
                case ("GET", "/api/v1/groups/00g1/roles"):
                    await ScriptedServer.WriteJsonAsync(response, 200, posted ? "[" + Assignment + "]" : "[]");
                    break;
                case ("POST", "/api/v1/groups/00g1/roles"):
                    posted = true;
                    response.StatusCode = (int)HttpStatusCode.Created;
                    response.Close();
                    break;
                default:
                    await ScriptedServer.WriteJsonAsync(response, 404, "{\"errorCode\":\"E0000007\",\"errorSummary\":\"Not found\"}");
                    break;
            }
        });
        using var client = TestClients.For(server.Domain);

        var result = await new EntitlementProvisioning(client).GrantAsync(EntitlementReference.Role("USER_ADMIN"), PrincipalReference.Group("00g1"), null, CancellationToken.None);

        Assert.Equal((ProvisioningOutcome.Granted, "gra1"), (result!.OutcomeKind, result.AssignmentId));
        Assert.Single(server.Requests, r => r.Method == "POST");
    }
}
