using System.Text.Json;
using OktaBaton.Simulator.Auth;
using OktaBaton.Simulator.Http;
using OktaBaton.Simulator.Json;
using OktaBaton.Simulator.Model;

namespace OktaBaton.Simulator.Endpoints;

/// <summary>/api/v1/iam/*: lists page in the body through <c>_links.next.href</c>.</summary>
internal static class IamEndpoints
{
    private const int IamPage = 100;

    public static void Map(Router router)
    {
        router.Get("/api/v1/iam/roles", Permission.ReadIam, Roles);
        router.Post("/api/v1/iam/roles", Permission.ManageRoleAssignments, CreateRole);
        router.Get("/api/v1/iam/roles/{roleId}", Permission.ReadIam, Role);
        router.Delete("/api/v1/iam/roles/{roleId}", Permission.ManageRoleAssignments, DeleteRole);
        router.Get("/api/v1/iam/resource-sets", Permission.ReadIam, ResourceSets);
        router.Post("/api/v1/iam/resource-sets", Permission.ManageRoleAssignments, CreateResourceSet);
        router.Get("/api/v1/iam/resource-sets/{id}", Permission.ReadIam, ResourceSetById);
        router.Put("/api/v1/iam/resource-sets/{id}", Permission.ManageRoleAssignments, ReplaceResourceSet);
        router.Delete("/api/v1/iam/resource-sets/{id}", Permission.ManageRoleAssignments, DeleteResourceSet);
        router.Get("/api/v1/iam/resource-sets/{id}/bindings", Permission.ReadIam, Bindings);
        router.Post("/api/v1/iam/resource-sets/{id}/bindings", Permission.ManageRoleAssignments, CreateBinding);
        router.Get("/api/v1/iam/resource-sets/{id}/bindings/{roleId}", Permission.ReadIam, Binding);
        router.Get("/api/v1/iam/resource-sets/{id}/bindings/{roleId}/members", Permission.ReadRoleAssignments, Members);
        router.Map("PATCH", "/api/v1/iam/resource-sets/{id}/bindings/{roleId}/members", Permission.ManageRoleAssignments, AddMembers);
        router.Get("/api/v1/iam/resource-sets/{id}/bindings/{roleId}/members/{memberId}", Permission.ReadRoleAssignments, Member);
        router.Delete("/api/v1/iam/resource-sets/{id}/bindings/{roleId}/members/{memberId}", Permission.ManageRoleAssignments, DeleteMember);
        router.Get("/api/v1/iam/assignees/users", Permission.ReadRoleAssignments, Assignees);
    }

    /// <summary>Writes <c>{"name":[page…],"_links":{"self":…,"next"?:…}}</c>; the cursor is the last item's id.</summary>
    private static void WriteBodyPage<T>(ApiRequest request, string arrayName, IReadOnlyList<T> items, Func<T, string> idOf, Action<Utf8JsonWriter, T> write, int limit)
    {
        var start = 0;
        if (request.Query("after") is { } after)
        {
            var at = -1;
            for (var i = 0; i < items.Count; i++)
            {
                if (idOf(items[i]) == after)
                {
                    at = i;
                    break;
                }
            }
            start = at + 1;
        }
        var end = Math.Min(items.Count, start + limit);
        var json = request.Json;
        json.WriteStartObject();
        json.WriteStartArray(arrayName);
        for (var i = start; i < end; i++)
        {
            write(json, items[i]);
        }
        json.WriteEndArray();
        WritePageLinks(request, end < items.Count ? idOf(items[end - 1]) : null);
        json.WriteEndObject();
    }

    /// <summary>The self link, and a next link that carries only <c>after</c> (as Okta's /iam links do: no limit, no other parameter).</summary>
    private static void WritePageLinks(ApiRequest request, string? nextCursor)
    {
        var json = request.Json;
        var http = request.Http.Request;
        json.WriteStartObject("_links");
        OktaJson.WriteHref(json, "self", $"{request.BaseUrl}{http.Path}{http.QueryString}");
        if (nextCursor is not null)
        {
            OktaJson.WriteHref(json, "next", $"{request.BaseUrl}{http.Path}?after={Uri.EscapeDataString(nextCursor)}");
        }
        json.WriteEndObject();
    }

    private static int PageSize(ApiRequest request) => request.Limit(IamPage, IamPage);

    private static void Roles(ApiRequest request, OrgState org) =>
        WriteBodyPage(request, "roles", org.CustomRoles, r => r.Id, (w, r) => OktaJson.WriteCustomRole(w, r, request.BaseUrl), PageSize(request));

    private static void Role(ApiRequest request, OrgState org)
    {
        var id = request.Route("roleId");
        var role = org.FindRole(id) ?? throw OktaApiException.NotFound(id, "CustomRole");
        OktaJson.WriteCustomRole(request.Json, role, request.BaseUrl);
    }

    private static void ResourceSets(ApiRequest request, OrgState org) =>
        WriteBodyPage(request, "resource-sets", org.ResourceSets, s => s.Id, (w, s) => OktaJson.WriteResourceSet(w, s, request.BaseUrl), PageSize(request));

    private static ResourceSet GetSet(ApiRequest request, OrgState org)
    {
        var id = request.Route("id");
        return org.FindResourceSet(id) ?? throw OktaApiException.NotFound(id, "ResourceSet");
    }

    private static void ResourceSetById(ApiRequest request, OrgState org) =>
        OktaJson.WriteResourceSet(request.Json, GetSet(request, org), request.BaseUrl);

    private static void WriteBinding(Utf8JsonWriter json, ResourceSet set, ResourceSetBinding binding, string baseUrl)
    {
        var self = $"{baseUrl}/api/v1/iam/resource-sets/{set.Id}/bindings/{binding.RoleId}";
        json.WriteStartObject();
        json.WriteString("id", binding.RoleId);
        json.WriteStartObject("_links");
        OktaJson.WriteHref(json, "self", self);
        OktaJson.WriteHref(json, "members", self + "/members");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Bindings(ApiRequest request, OrgState org)
    {
        var set = GetSet(request, org);
        WriteBodyPage(request, "roles", set.Bindings, b => b.RoleId, (w, b) => WriteBinding(w, set, b, request.BaseUrl), PageSize(request));
    }

    private static ResourceSetBinding GetBinding(ApiRequest request, ResourceSet set)
    {
        var roleId = request.Route("roleId");
        return set.Bindings.Find(b => b.RoleId == roleId) ?? throw OktaApiException.NotFound(roleId, "ResourceSetBinding");
    }

    private static void Binding(ApiRequest request, OrgState org)
    {
        var set = GetSet(request, org);
        WriteBinding(request.Json, set, GetBinding(request, set), request.BaseUrl);
    }

    /// <summary>createRole: label, description and permissions are required; a label in use is refused.</summary>
    private static void CreateRole(ApiRequest request, OrgState org)
    {
        var body = request.Body();
        var label = RequiredText(body, "label");
        var description = RequiredText(body, "description");
        var permissions = body.TryGetProperty("permissions", out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : new List<string>();
        if (permissions.Count == 0)
        {
            throw OktaApiException.Validation("permissions", "permissions: The field cannot be left blank");
        }
        if (org.FindRole(label) is not null)
        {
            throw OktaApiException.Validation("label", "label: A role with this label already exists");
        }
        OktaJson.WriteCustomRole(request.Json, org.AddCustomRole(label, description, permissions, org.Now), request.BaseUrl);
    }

    /// <summary>deleteRole: a custom role; its assignments go with it.</summary>
    private static void DeleteRole(ApiRequest request, OrgState org)
    {
        var id = request.Route("roleId");
        var role = org.FindRole(id) ?? throw OktaApiException.NotFound(id, "Role");
        org.DeleteCustomRole(role);
        request.NoContent();
    }

    /// <summary>createResourceSet: label, description and at least one resource.</summary>
    private static void CreateResourceSet(ApiRequest request, OrgState org)
    {
        var body = request.Body();
        var label = RequiredText(body, "label");
        var description = RequiredText(body, "description");
        var resources = body.TryGetProperty("resources", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : new List<string>();
        if (resources.Count == 0)
        {
            throw OktaApiException.Validation("resources", "resources: The field cannot be left blank");
        }
        if (org.FindResourceSet(label) is not null)
        {
            throw OktaApiException.Validation("label", "label: A resource set with this label already exists");
        }
        OktaJson.WriteResourceSet(request.Json, org.AddResourceSet(label, description, resources, org.Now), request.BaseUrl);
    }

    /// <summary>replaceResourceSet: "replaces the label and description".</summary>
    private static void ReplaceResourceSet(ApiRequest request, OrgState org)
    {
        var set = GetSet(request, org);
        var body = request.Body();
        org.ReplaceResourceSet(set, RequiredText(body, "label"), RequiredText(body, "description"), org.Now);
        OktaJson.WriteResourceSet(request.Json, set, request.BaseUrl);
    }

    /// <summary>deleteResourceSet: the roles bound to it are unassigned with it.</summary>
    private static void DeleteResourceSet(ApiRequest request, OrgState org)
    {
        org.DeleteResourceSet(GetSet(request, org));
        request.NoContent();
    }

    private static string RequiredText(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw OktaApiException.Validation(name, $"{name}: The field cannot be left blank");

    private static void CreateBinding(ApiRequest request, OrgState org)
    {
        var set = GetSet(request, org);
        var body = request.Body();
        var roleText = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        if (string.IsNullOrEmpty(roleText))
        {
            throw OktaApiException.Validation("role", "role: The field cannot be left blank");
        }
        var role = org.FindRole(roleText) ?? throw OktaApiException.NotFound(roleText, "CustomRole");
        var principals = ReadMembers(body, "members", org);
        var now = org.Now;
        org.GetOrAddBinding(set, role.Id);
        foreach (var (type, index) in principals)
        {
            org.AddBindingMember(set, role.Id, type, index, now);
        }
        var self = $"{request.BaseUrl}/api/v1/iam/resource-sets/{set.Id}/bindings/{role.Id}";
        var json = request.Json;
        json.WriteStartObject();
        json.WriteStartObject("_links");
        OktaJson.WriteHref(json, "self", self);
        OktaJson.WriteHref(json, "bindings", $"{request.BaseUrl}/api/v1/iam/resource-sets/{set.Id}/bindings");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void AddMembers(ApiRequest request, OrgState org)
    {
        var set = GetSet(request, org);
        var binding = GetBinding(request, set);
        var now = org.Now;
        foreach (var (type, index) in ReadMembers(request.Body(), "additions", org))
        {
            org.AddBindingMember(set, binding.RoleId, type, index, now);
        }
        var json = request.Json;
        json.WriteStartObject();
        json.WriteStartObject("_links");
        OktaJson.WriteHref(json, "self", $"{request.BaseUrl}/api/v1/iam/resource-sets/{set.Id}/bindings/{binding.RoleId}");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Member hrefs (…/api/v1/users/{id} or …/api/v1/groups/{id}) → principals; unknown ids → 404.</summary>
    private static List<(string Type, int Index)> ReadMembers(JsonElement body, string property, OrgState org)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(property, out var members) || members.ValueKind != JsonValueKind.Array || members.GetArrayLength() == 0)
        {
            throw OktaApiException.Validation(property, $"{property}: The field cannot be left blank");
        }
        var result = new List<(string, int)>();
        foreach (var member in members.EnumerateArray())
        {
            var href = member.ValueKind == JsonValueKind.String ? member.GetString()! : string.Empty;
            var parts = href.TrimEnd('/').Split('/');
            if (parts.Length < 2)
            {
                throw OktaApiException.Validation(property, $"{property}: '{href}' is not a user or group href");
            }
            var (kind, id) = (parts[^2], parts[^1]);
            result.Add(kind switch
            {
                "users" => ("USER", org.GetUser(id).Index),
                "groups" => ("GROUP", org.GetGroup(id).Index),
                _ => throw OktaApiException.Validation(property, $"{property}: '{href}' is not a user or group href"),
            });
        }
        return result;
    }

    private static void Members(ApiRequest request, OrgState org)
    {
        var set = GetSet(request, org);
        var binding = GetBinding(request, set);
        WriteBodyPage(request, "members", binding.Members, m => m.Id, (w, m) => OktaJson.WriteBindingMember(w, m, org, request.BaseUrl), PageSize(request));
    }

    private static void Member(ApiRequest request, OrgState org)
    {
        var set = GetSet(request, org);
        var binding = GetBinding(request, set);
        var memberId = request.Route("memberId");
        var member = binding.Members.Find(m => m.Id == memberId) ?? throw OktaApiException.NotFound(memberId, "ResourceSetBindingMember");
        OktaJson.WriteBindingMember(request.Json, member, org, request.BaseUrl);
    }

    private static void DeleteMember(ApiRequest request, OrgState org)
    {
        var set = GetSet(request, org);
        var binding = GetBinding(request, set);
        var memberId = request.Route("memberId");
        if (!org.RemoveBindingMember(set, binding.RoleId, memberId))
        {
            throw OktaApiException.NotFound(memberId, "ResourceSetBindingMember");
        }
        request.NoContent();
    }

    private static void Assignees(ApiRequest request, OrgState org)
    {
        var limit = PageSize(request);
        var items = org.RoleAssignees.Items;
        var (start, end) = request.IndexWindow(org.RoleAssignees, limit, org.UserIndexOf);
        var json = request.Json;
        json.WriteStartObject();
        json.WriteStartArray("value");
        for (var i = start; i < end; i++)
        {
            var user = org.Users[items[i]]!;
            json.WriteStartObject();
            json.WriteString("id", user.Id);
            json.WriteString("orn", $"orn:okta:directory:{org.Name}:users:{user.Id}");
            json.WriteStartObject("_links");
            OktaJson.WriteHref(json, "self", $"{request.BaseUrl}/api/v1/users/{user.Id}");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WritePageLinks(request, end < items.Count ? org.Users[items[end - 1]]!.Id : null);
        json.WriteEndObject();
    }
}
