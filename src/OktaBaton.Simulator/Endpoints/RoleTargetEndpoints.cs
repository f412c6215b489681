using System.Globalization;
using System.Text.Json;
using OktaBaton.Simulator.Auth;
using OktaBaton.Simulator.Http;
using OktaBaton.Simulator.Json;
using OktaBaton.Simulator.Model;

namespace OktaBaton.Simulator.Endpoints;

/// <summary>
/// Role targets (spec tags RoleBTargetAdmin and RoleBTargetBGroup): the groups a USER_ADMIN, HELP_DESK_ADMIN or
/// GROUP_MEMBERSHIP_ADMIN assignment is limited to, and the apps an APP_ADMIN assignment is limited to. An empty list
/// means the role is not scoped ("If the role isn't scoped to specific group targets, an empty array [] is returned");
/// an unknown assignment is 404; the first target narrows the role, and the last target cannot be removed.
/// </summary>
internal static class RoleTargetEndpoints
{
    private const string RoleTypeMismatch = "E0000091";

    public static void Map(Router router)
    {
        foreach (var (segment, assignmentType) in new[] { ("users", "USER"), ("groups", "GROUP") })
        {
            var prefix = $"/api/v1/{segment}/{{id}}/roles/{{roleAssignmentId}}/targets";
            router.Get(prefix + "/groups", Permission.ReadRoleAssignments, (r, o) => ListGroups(r, o, assignmentType));
            router.Put(prefix + "/groups/{targetGroupId}", Permission.ManageRoleAssignments, (r, o) => AddGroup(r, o, assignmentType));
            router.Delete(prefix + "/groups/{targetGroupId}", Permission.ManageRoleAssignments, (r, o) => RemoveGroup(r, o, assignmentType));
            router.Get(prefix + "/catalog/apps", Permission.ReadRoleAssignments, (r, o) => ListApps(r, o, assignmentType));
            router.Put(prefix + "/catalog/apps/{appName}", Permission.ManageRoleAssignments, (r, o) => AddApp(r, o, assignmentType, instance: false));
            router.Delete(prefix + "/catalog/apps/{appName}", Permission.ManageRoleAssignments, (r, o) => RemoveApp(r, o, assignmentType, instance: false));
            router.Put(prefix + "/catalog/apps/{appName}/{appId}", Permission.ManageRoleAssignments, (r, o) => AddApp(r, o, assignmentType, instance: true));
            router.Delete(prefix + "/catalog/apps/{appName}/{appId}", Permission.ManageRoleAssignments, (r, o) => RemoveApp(r, o, assignmentType, instance: true));
        }
    }

    private static RoleAssignment Assignment(ApiRequest request, OrgState org, string assignmentType)
    {
        var index = RoleEndpoints.PrincipalIndex(request, org, assignmentType);
        var id = request.Route("roleAssignmentId");
        return org.RolesOf(assignmentType, index).FirstOrDefault(r => r.Id == id) ?? throw OktaApiException.NotFound(id, "RoleAssignment");
    }

    private static OktaApiException WrongRoleType(string type, string kind) =>
        new(400, RoleTypeMismatch, "The provided role type was not the same as required role type.", $"A {type} assignment does not take {kind} targets.");

    private static OktaApiException LastTarget() =>
        OktaApiException.Validation("targets", "You can't remove the last target from a role assignment; unassign the role to make it apply nowhere, or assign a new one to make it apply everywhere.");

    private static void ListGroups(ApiRequest request, OrgState org, string assignmentType)
    {
        var role = Assignment(request, org, assignmentType);
        var limit = request.Limit(20, 200);
        var (start, end) = request.IndexWindow(role.TargetGroups, limit, org.GroupIndexOf);
        var items = role.TargetGroups.Items;
        var json = request.Json;
        json.WriteStartArray();
        for (var i = start; i < end; i++)
        {
            OktaJson.WriteGroup(json, org.Groups[items[i]]!, org, request.BaseUrl, withStats: false);
        }
        json.WriteEndArray();
        request.PageLinks(end < items.Count ? org.Groups[items[end - 1]]!.Id : null, limit);
    }

    private static void AddGroup(ApiRequest request, OrgState org, string assignmentType)
    {
        var role = Assignment(request, org, assignmentType);
        var group = org.GetGroup(request.Route("targetGroupId"));
        if (!StandardRoles.TakesGroupTargets(role.Type))
        {
            throw WrongRoleType(role.Type, "group");
        }
        org.AddGroupTarget(role, group, org.Now);
        request.NoContent();
    }

    private static void RemoveGroup(ApiRequest request, OrgState org, string assignmentType)
    {
        var role = Assignment(request, org, assignmentType);
        var group = org.GetGroup(request.Route("targetGroupId"));
        if (!role.TargetGroups.Contains(group.Index))
        {
            throw OktaApiException.NotFound(group.Id, "RoleTarget");
        }
        if (role.TargetGroups.Count == 1)
        {
            throw LastTarget();
        }
        org.RemoveGroupTarget(role, group, org.Now);
        request.NoContent();
    }

    private static void ListApps(ApiRequest request, OrgState org, string assignmentType)
    {
        var role = Assignment(request, org, assignmentType);
        var limit = request.Limit(20, 200);
        var start = 0;
        if (request.Query("after") is { } after && !int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out start))
        {
            throw OktaApiException.Validation("after", "after: invalid cursor");
        }
        var end = Math.Min(role.TargetApps.Count, start + limit);
        var json = request.Json;
        json.WriteStartArray();
        for (var i = start; i < end; i++)
        {
            WriteCatalogApp(json, role.TargetApps[i], org, request.BaseUrl);
        }
        json.WriteEndArray();
        request.PageLinks(end < role.TargetApps.Count ? end.ToString(CultureInfo.InvariantCulture) : null, limit);
    }

    /// <summary>A CatalogApplication: an app instance target carries the instance's id, an OIN catalog target does not.</summary>
    private static void WriteCatalogApp(Utf8JsonWriter json, AppTarget target, OrgState org, string baseUrl)
    {
        var instance = target.AppIndex is { } index ? org.Apps[index] : null;
        var example = instance ?? org.Apps.FirstOrDefault(a => a is not null && a.Name == target.AppName);
        json.WriteStartObject();
        json.WriteString("name", target.AppName);
        json.WriteString("displayName", example?.Label ?? target.AppName);
        if (instance is not null)
        {
            json.WriteString("id", instance.Id);
        }
        json.WriteString("status", "ACTIVE");
        json.WriteStartArray("signOnModes");
        if (example is not null)
        {
            json.WriteStringValue(example.SignOnMode);
        }
        json.WriteEndArray();
        json.WriteStartObject("_links");
        OktaJson.WriteHref(json, "self", instance is not null
            ? $"{baseUrl}/api/v1/apps/{instance.Id}"
            : $"{baseUrl}/api/v1/catalog/apps/{target.AppName}");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void AddApp(ApiRequest request, OrgState org, string assignmentType, bool instance)
    {
        var role = Assignment(request, org, assignmentType);
        var name = request.Route("appName");
        if (!StandardRoles.TakesAppTargets(role.Type))
        {
            throw WrongRoleType(role.Type, "app");
        }
        int? appIndex = null;
        if (instance)
        {
            var app = org.GetApp(request.Route("appId"));
            if (app.Name != name)
            {
                throw OktaApiException.Validation("appName", $"appName: app {app.Id} is a '{app.Name}' app, not '{name}'");
            }
            if (role.TargetApps.Any(t => t.AppName == name && t.AppIndex is null))
            {
                throw OktaApiException.Validation("targets", $"The role already applies to every '{name}' app; an instance target of it cannot be added.");
            }
            appIndex = app.Index;
        }
        else if (!org.Apps.Any(a => a is not null && a.Name == name))
        {
            throw OktaApiException.NotFound(name, "CatalogApplication");
        }
        // an OIN app target overrides the instance targets of the same app
        org.AddAppTarget(role, new AppTarget(name, appIndex), org.Now);
        // assignAppTargetToAdminRoleForGroup answers 200 without content; every other target assignment 204
        if (assignmentType == "GROUP" && !instance)
        {
            request.StatusCode = 200;
        }
        else
        {
            request.NoContent();
        }
    }

    private static void RemoveApp(ApiRequest request, OrgState org, string assignmentType, bool instance)
    {
        var role = Assignment(request, org, assignmentType);
        var name = request.Route("appName");
        int? appIndex = instance ? org.GetApp(request.Route("appId")).Index : null;
        var target = new AppTarget(name, appIndex);
        if (!role.TargetApps.Contains(target))
        {
            throw OktaApiException.NotFound(instance ? request.Route("appId") : name, "RoleTarget");
        }
        if (role.TargetApps.Count == 1)
        {
            throw LastTarget();
        }
        org.RemoveAppTarget(role, target, org.Now);
        request.NoContent();
    }
}
