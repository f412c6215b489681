using System.Text.Json;
using OktaBaton.Simulator.Auth;
using OktaBaton.Simulator.Http;
using OktaBaton.Simulator.Json;
using OktaBaton.Simulator.Model;

namespace OktaBaton.Simulator.Endpoints;

internal static class AppEndpoints
{
    public static void Map(Router router)
    {
        router.Get("/api/v1/apps", Permission.ReadApps, List);
        router.Get("/api/v1/apps/{id}", Permission.ReadApps, Get);
        router.Put("/api/v1/apps/{id}", Permission.ManageAppAssignments, Replace);
        router.Delete("/api/v1/apps/{id}", Permission.ManageAppAssignments, Delete);
        router.Post("/api/v1/apps/{id}/lifecycle/activate", Permission.ManageAppAssignments, (r, o) => Lifecycle(r, o, "ACTIVE"));
        router.Post("/api/v1/apps/{id}/lifecycle/deactivate", Permission.ManageAppAssignments, (r, o) => Lifecycle(r, o, "INACTIVE"));
        router.Get("/api/v1/apps/{id}/users", Permission.ReadApps | Permission.ReadUsers, Users);
        router.Post("/api/v1/apps/{id}/users", Permission.ManageAppAssignments, AssignUser);
        router.Get("/api/v1/apps/{id}/users/{userId}", Permission.ReadApps | Permission.ReadUsers, GetUser);
        router.Post("/api/v1/apps/{id}/users/{userId}", Permission.ManageAppAssignments, UpdateUser);
        router.Delete("/api/v1/apps/{id}/users/{userId}", Permission.ManageAppAssignments, UnassignUser);
        router.Get("/api/v1/apps/{id}/groups", Permission.ReadApps | Permission.ReadGroups, Groups);
        router.Get("/api/v1/apps/{id}/groups/{groupId}", Permission.ReadApps | Permission.ReadGroups, GetGroup);
        router.Put("/api/v1/apps/{id}/groups/{groupId}", Permission.ManageAppAssignments, AssignGroup);
        router.Delete("/api/v1/apps/{id}/groups/{groupId}", Permission.ManageAppAssignments, UnassignGroup);
    }

    /// <summary>
    /// An app's filter attributes. <c>user.id</c> and <c>group.id</c> are relations (the users assigned, directly or
    /// through a group; the groups assigned): the term matches when any of them has the id.
    /// </summary>
    private static IReadOnlyList<string?> Values(OktaApp app, OrgState org, string field) => field switch
    {
        "id" => new[] { app.Id },
        "status" => new[] { app.Status },
        "name" => new[] { app.Name },
        "settings.slo.enabled" => new[] { "false" },
        "user.id" => app.UserIndexes.Items.Select(i => org.Users[i]?.Id).ToList(),
        "group.id" => app.GroupIndexes.Items.Select(i => org.Groups[i]?.Id).ToList(),
        _ => Array.Empty<string?>(),
    };

    private static void List(ApiRequest request, OrgState org)
    {
        var q = request.Query("q");
        var expression = request.Query("filter") is { } filter ? FilterExpression.Parse(filter, ListFilters.AppsFilter) : null;
        var limit = request.Limit(20, 200);
        var start = 0;
        if (request.Query("after") is { } after)
        {
            start = (org.AppIndexOf(after) ?? throw OktaApiException.Validation("after", "after: invalid cursor")) + 1;
        }
        // expand=user/{id} "must be used with the user.id eq \"{userId}\" filter query for the same user" (spec).
        var expandUser = request.Query("expand") is { } expand && expand.StartsWith("user/", StringComparison.Ordinal) ? org.FindUser(expand["user/".Length..]) : null;
        request.WritePage(org.Apps, start, limit, pageable: true,
            app => (q is null || app.Label.StartsWith(q, StringComparison.OrdinalIgnoreCase) || app.Name.StartsWith(q, StringComparison.OrdinalIgnoreCase))
                && (expression is null || expression.MatchesAny(field => Values(app, org, field))),
            app => app.Id,
            (json, app) => OktaJson.WriteApp(json, app, request.BaseUrl,
                expandUser is not null && app.Users.TryGetValue(expandUser.Index, out var assignment)
                    ? w => OktaJson.WriteAppUser(w, app, assignment, org, request.BaseUrl)
                    : null));
    }

    private static void Get(ApiRequest request, OrgState org) =>
        OktaJson.WriteApp(request.Json, org.GetApp(request.Route("id")), request.BaseUrl);

    /// <summary>replaceApplication: the simulator takes the new label (name and signOnMode must stay as they are).</summary>
    private static void Replace(ApiRequest request, OrgState org)
    {
        var app = org.GetApp(request.Route("id"));
        var body = request.Body();
        string? Text(string name) => body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var label = Text("label");
        if (string.IsNullOrWhiteSpace(label))
        {
            throw OktaApiException.Validation("label", "label: The field cannot be left blank");
        }
        if (Text("name") is { } name && name != app.Name)
        {
            throw OktaApiException.Validation("name", "name: An application's name cannot be changed");
        }
        org.RelabelApp(app, label, org.Now);
        OktaJson.WriteApp(request.Json, app, request.BaseUrl);
    }

    /// <summary>deleteApplication: "Deletes an inactive application" (spec), 204; an active one is refused, 403 E0000056.</summary>
    private static void Delete(ApiRequest request, OrgState org)
    {
        var app = org.GetApp(request.Route("id"));
        if (app.Status == "ACTIVE")
        {
            throw new OktaApiException(403, "E0000056", "Delete application forbidden.", "Deactivate the application before deleting it");
        }
        org.DeleteApp(app, org.Now);
        request.NoContent();
    }

    /// <summary>activateApplication / deactivateApplication: 200 without a body (spec); assignments stay.</summary>
    private static void Lifecycle(ApiRequest request, OrgState org, string status) =>
        org.SetAppStatus(org.GetApp(request.Route("id")), status, org.Now);

    private static void Users(ApiRequest request, OrgState org)
    {
        var app = org.GetApp(request.Route("id"));
        var limit = request.Limit(50, 500);
        var items = app.UserIndexes.Items;
        var (start, end) = request.IndexWindow(app.UserIndexes, limit, org.UserIndexOf);
        var json = request.Json;
        json.WriteStartArray();
        for (var i = start; i < end; i++)
        {
            OktaJson.WriteAppUser(json, app, app.Users[items[i]], org, request.BaseUrl);
        }
        json.WriteEndArray();
        request.PageLinks(end < items.Count ? org.Users[items[end - 1]]!.Id : null, limit);
    }

    private static AppUserAssignment FindAssignment(OktaApp app, OktaUser user) =>
        app.Users.TryGetValue(user.Index, out var assignment) ? assignment : throw OktaApiException.NotFound(user.Id, "AppUser");

    private static void GetUser(ApiRequest request, OrgState org)
    {
        var app = org.GetApp(request.Route("id"));
        var user = org.GetUser(request.Route("userId"));
        OktaJson.WriteAppUser(request.Json, app, FindAssignment(app, user), org, request.BaseUrl);
    }

    private static void AssignUser(ApiRequest request, OrgState org)
    {
        var app = org.GetApp(request.Route("id"));
        var body = request.Body();
        var userId = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        if (string.IsNullOrEmpty(userId))
        {
            throw OktaApiException.Validation("AppUser", "id: The field cannot be left blank");
        }
        var user = org.GetUser(userId);
        if (app.Users.TryGetValue(user.Index, out var existing) && existing.Direct)
        {
            throw new OktaApiException(409, "E0000062", "The specified user is already assigned to the application.");
        }
        org.AssignAppUser(app, user, UserNameOf(body), org.Now);
        OktaJson.WriteAppUser(request.Json, app, app.Users[user.Index], org, request.BaseUrl);
    }

    private static void UpdateUser(ApiRequest request, OrgState org)
    {
        var app = org.GetApp(request.Route("id"));
        var user = org.GetUser(request.Route("userId"));
        var assignment = FindAssignment(app, user);
        var body = request.Body();
        if (UserNameOf(body) is { } userName && userName != assignment.UserName)
        {
            org.ChangeAppUserName(app, assignment, userName, org.Now);
        }
        // The app user's scope "toggles the assignment between user or group scope" (Apps API, Application User
        // properties; writable): GROUP drops the direct assignment and leaves the access its groups grant.
        if (ScopeOf(body) is { } scope)
        {
            if (scope == "GROUP" && assignment.Direct && !org.ConvertAppUserToGroupScope(app, assignment, org.Now))
            {
                throw OktaApiException.Validation("scope", "scope: the user is not assigned to this app through any group");
            }
            if (scope == "USER" && !assignment.Direct)
            {
                org.AssignAppUser(app, user, assignment.UserName, org.Now);
            }
        }
        OktaJson.WriteAppUser(request.Json, app, assignment, org, request.BaseUrl);
    }

    private static string? ScopeOf(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("scope", out var scope) && scope.ValueKind == JsonValueKind.String
            ? scope.GetString()!.ToUpperInvariant() switch
            {
                "USER" => "USER",
                "GROUP" => "GROUP",
                _ => throw OktaApiException.Validation("scope", "scope: must be USER or GROUP"),
            }
            : null;

    private static string? UserNameOf(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object
        && body.TryGetProperty("credentials", out var credentials)
        && credentials.ValueKind == JsonValueKind.Object
        && credentials.TryGetProperty("userName", out var userName)
        && userName.ValueKind == JsonValueKind.String
            ? userName.GetString()
            : null;

    private static void UnassignUser(ApiRequest request, OrgState org)
    {
        var app = org.GetApp(request.Route("id"));
        var user = org.GetUser(request.Route("userId"));
        var assignment = FindAssignment(app, user);
        if (assignment.ViaGroupCount > 0)
        {
            // Okta keeps access its groups grant: "The application cannot be unassigned from the user while their group
            // memberships grant them access" (E0000046, 403, as Okta's error-code list and client reports show)
            throw new OktaApiException(403, "E0000046", "Deactivate application for user forbidden.",
                "The application cannot be unassigned from the user while their group memberships grant them access");
        }
        org.UnassignAppUser(app, user);
        request.NoContent();
    }

    private static void Groups(ApiRequest request, OrgState org)
    {
        var app = org.GetApp(request.Route("id"));
        var limit = request.Limit(20, 200);
        var items = app.GroupIndexes.Items;
        var (start, end) = request.IndexWindow(app.GroupIndexes, limit, org.GroupIndexOf);
        var embedGroup = string.Equals(request.Query("expand"), "group", StringComparison.Ordinal);
        var json = request.Json;
        json.WriteStartArray();
        for (var i = start; i < end; i++)
        {
            OktaJson.WriteAppGroup(json, app, app.Groups[items[i]], org, request.BaseUrl, embedGroup);
        }
        json.WriteEndArray();
        request.PageLinks(end < items.Count ? org.Groups[items[end - 1]]!.Id : null, limit);
    }

    private static void GetGroup(ApiRequest request, OrgState org)
    {
        var app = org.GetApp(request.Route("id"));
        var group = org.GetGroup(request.Route("groupId"));
        var assignment = app.Groups.TryGetValue(group.Index, out var a) ? a : throw OktaApiException.NotFound(group.Id, "ApplicationGroupAssignment");
        OktaJson.WriteAppGroup(request.Json, app, assignment, org, request.BaseUrl);
    }

    private static void AssignGroup(ApiRequest request, OrgState org)
    {
        var app = org.GetApp(request.Route("id"));
        var group = org.GetGroup(request.Route("groupId"));
        int? priority = null;
        if (request.HasRequestBody)
        {
            var body = request.Body();
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("priority", out var p) && p.ValueKind == JsonValueKind.Number)
            {
                priority = p.GetInt32();
            }
        }
        var assignment = org.AssignAppGroup(app, group, priority, org.Now);
        OktaJson.WriteAppGroup(request.Json, app, assignment, org, request.BaseUrl);
    }

    private static void UnassignGroup(ApiRequest request, OrgState org)
    {
        var app = org.GetApp(request.Route("id"));
        var group = org.GetGroup(request.Route("groupId"));
        if (!org.UnassignAppGroup(app, group, org.Now))
        {
            throw OktaApiException.NotFound(group.Id, "ApplicationGroupAssignment");
        }
        request.NoContent();
    }
}
