using System.Text.Json;
using OktaBaton.Simulator.Auth;
using OktaBaton.Simulator.Http;
using OktaBaton.Simulator.Json;
using OktaBaton.Simulator.Model;

namespace OktaBaton.Simulator.Endpoints;

/// <summary>Admin-role assignments on users and groups (plain arrays, no paging).</summary>
internal static class RoleEndpoints
{
    public static void Map(Router router)
    {
        router.Get("/api/v1/users/{id}/roles", Permission.ReadRoleAssignments, (r, o) => List(r, o, "USER"));
        router.Post("/api/v1/users/{id}/roles", Permission.ManageRoleAssignments, (r, o) => Assign(r, o, "USER"));
        router.Get("/api/v1/users/{id}/roles/{roleAssignmentId}", Permission.ReadRoleAssignments, (r, o) => Get(r, o, "USER"));
        router.Delete("/api/v1/users/{id}/roles/{roleAssignmentId}", Permission.ManageRoleAssignments, (r, o) => Unassign(r, o, "USER"));
        router.Get("/api/v1/groups/{id}/roles", Permission.ReadRoleAssignments, (r, o) => List(r, o, "GROUP"));
        router.Post("/api/v1/groups/{id}/roles", Permission.ManageRoleAssignments, (r, o) => Assign(r, o, "GROUP"));
        router.Get("/api/v1/groups/{id}/roles/{roleAssignmentId}", Permission.ReadRoleAssignments, (r, o) => Get(r, o, "GROUP"));
        router.Delete("/api/v1/groups/{id}/roles/{roleAssignmentId}", Permission.ManageRoleAssignments, (r, o) => Unassign(r, o, "GROUP"));
        RoleTargetEndpoints.Map(router);
    }

    internal static int PrincipalIndex(ApiRequest request, OrgState org, string assignmentType) =>
        assignmentType == "USER" ? org.GetUser(request.Route("id")).Index : org.GetGroup(request.Route("id")).Index;

    /// <summary>
    /// A user's list also holds the assignments it inherits through its groups, with "assignmentType": "GROUP" and the
    /// group as assignee (spec examples StandardRolesListResponse and StandardAndCustomRolesListResponse of
    /// listAssignedRolesForUser); a group's list holds its own.
    /// </summary>
    private static void List(ApiRequest request, OrgState org, string assignmentType)
    {
        var index = PrincipalIndex(request, org, assignmentType);
        var json = request.Json;
        json.WriteStartArray();
        var roles = org.RolesOf(assignmentType, index).AsEnumerable();
        if (assignmentType == "USER")
        {
            roles = roles.Concat(org.InheritedRolesOf(index));
        }
        foreach (var role in roles)
        {
            OktaJson.WriteRoleAssignment(json, role, org, request.BaseUrl);
        }
        json.WriteEndArray();
    }

    private static void Get(ApiRequest request, OrgState org, string assignmentType)
    {
        var index = PrincipalIndex(request, org, assignmentType);
        var id = request.Route("roleAssignmentId");
        var role = org.RolesOf(assignmentType, index).FirstOrDefault(r => r.Id == id) ?? throw OktaApiException.NotFound(id, "RoleAssignment");
        OktaJson.WriteRoleAssignment(request.Json, role, org, request.BaseUrl);
    }

    private static void Assign(ApiRequest request, OrgState org, string assignmentType)
    {
        var index = PrincipalIndex(request, org, assignmentType);
        if (assignmentType == "GROUP" && org.Groups[index]!.Type != OktaGroup.OktaGroupType)
        {
            throw new OktaApiException(400, "E0000001", "Api validation failed: group", "Admin roles can only be assigned to groups whose type is OKTA_GROUP");
        }
        var body = request.Body();
        string? Text(string name) =>
            body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var type = Text("type");
        if (string.IsNullOrEmpty(type))
        {
            throw OktaApiException.Validation("type", "type: The field cannot be left blank");
        }
        string label;
        string? roleId = null;
        string? resourceSetId = null;
        if (type == "CUSTOM")
        {
            var role = org.FindRole(Text("role") ?? string.Empty) ?? throw OktaApiException.NotFound(Text("role") ?? "", "CustomRole");
            var set = org.FindResourceSet(Text("resource-set") ?? string.Empty) ?? throw OktaApiException.NotFound(Text("resource-set") ?? "", "ResourceSet");
            label = role.Label;
            roleId = role.Id;
            resourceSetId = set.Id;
        }
        else if (StandardRoles.Labels.TryGetValue(type, out var standardLabel))
        {
            label = standardLabel;
        }
        else if (StandardRoles.IamBased.TryGetValue(type, out var iam))
        {
            label = iam.Label;
            roleId = type;
            resourceSetId = iam.ResourceSet;
        }
        else
        {
            throw OktaApiException.Validation("type", $"type: '{type}' is not a valid role type");
        }
        var duplicate = org.RolesOf(assignmentType, index).Any(r => r.Type == type && r.RoleId == roleId && r.ResourceSetId == resourceSetId);
        if (duplicate)
        {
            throw new OktaApiException(409, "E0000090", "Duplicate role assignment exception.", "The role specified is already assigned to the user.");
        }
        var assignment = org.AddRole(assignmentType, index, type, label, roleId, resourceSetId, "ACTIVE", org.Now);
        // assignRoleToUser answers 201 Created; assignRoleToGroup answers 200 with the assignment (its 201 has no content)
        request.StatusCode = assignmentType == "USER" ? 201 : 200;
        OktaJson.WriteRoleAssignment(request.Json, assignment, org, request.BaseUrl);
    }

    private static void Unassign(ApiRequest request, OrgState org, string assignmentType)
    {
        var index = PrincipalIndex(request, org, assignmentType);
        var id = request.Route("roleAssignmentId");
        if (!org.RemoveRole(assignmentType, index, id))
        {
            throw OktaApiException.NotFound(id, "RoleAssignment");
        }
        request.NoContent();
    }
}
