using System.Text.Json;
using OktaBaton.Simulator.Auth;
using OktaBaton.Simulator.Http;
using OktaBaton.Simulator.Json;
using OktaBaton.Simulator.Model;

namespace OktaBaton.Simulator.Endpoints;

internal static class GroupEndpoints
{
    private const int DefaultPage = 200;
    private const int MaxPage = 10000;
    private const int QueryMax = 300;
    private const int MembersPage = 1000;

    public static void Map(Router router)
    {
        router.Get("/api/v1/groups", Permission.ReadGroups, List);
        router.Post("/api/v1/groups", Permission.ManageGroups, Create);
        router.Get("/api/v1/groups/{id}", Permission.ReadGroups, Get);
        router.Put("/api/v1/groups/{id}", Permission.ManageGroups, Replace);
        router.Delete("/api/v1/groups/{id}", Permission.ManageGroups, Delete);
        router.Get("/api/v1/groups/{id}/users", Permission.ReadGroups | Permission.ReadUsers, Members);
        router.Put("/api/v1/groups/{id}/users/{userId}", Permission.ManageGroupMembership, AddMember);
        router.Delete("/api/v1/groups/{id}/users/{userId}", Permission.ManageGroupMembership, RemoveMember);
        router.Get("/api/v1/groups/{id}/apps", Permission.ReadGroups | Permission.ReadApps, Apps);
    }

    private static string? Field(OktaGroup group, OrgState org, string field) => field switch
    {
        "source.id" => group.SourceAppIndex is { } source ? org.Apps[source]?.Id : null,
        "id" => group.Id,
        "type" => group.Type,
        "profile.name" => group.Name,
        "profile.description" => group.Description,
        "created" => OktaJson.Timestamp(group.Created),
        "lastUpdated" => OktaJson.Timestamp(group.LastUpdated),
        "lastMembershipUpdated" => OktaJson.Timestamp(group.LastMembershipUpdated),
        _ => null,
    };

    private static void List(ApiRequest request, OrgState org)
    {
        var q = request.Query("q");
        var expression = request.Query("search") is { } search ? FilterExpression.Parse(search, ListFilters.GroupsSearch)
            : request.Query("filter") is { } filter ? FilterExpression.Parse(filter, ListFilters.GroupsFilter)
            : null;
        var withStats = string.Equals(request.Query("expand"), "stats", StringComparison.OrdinalIgnoreCase);
        var pageable = q is null;
        var limit = pageable ? request.Limit(DefaultPage, MaxPage) : request.Limit(QueryMax, QueryMax);
        var start = 0;
        if (pageable && request.Query("after") is { } after)
        {
            start = (org.GroupIndexOf(after) ?? throw OktaApiException.Validation("after", "after: invalid cursor")) + 1;
        }
        request.WritePage(org.Groups, start, limit, pageable,
            group => (q is null || group.Name.StartsWith(q, StringComparison.OrdinalIgnoreCase))
                && (expression is null || expression.Matches(field => Field(group, org, field))),
            group => group.Id,
            (json, group) => OktaJson.WriteGroup(json, group, org, request.BaseUrl, withStats));
    }

    private static void Get(ApiRequest request, OrgState org)
    {
        var group = org.GetGroup(request.Route("id"));
        var withStats = string.Equals(request.Query("expand"), "stats", StringComparison.OrdinalIgnoreCase);
        OktaJson.WriteGroup(request.Json, group, org, request.BaseUrl, withStats);
    }

    private static (string Name, string? Description) ReadProfile(ApiRequest request)
    {
        var body = request.Body();
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("profile", out var profile) || profile.ValueKind != JsonValueKind.Object)
        {
            throw OktaApiException.Validation("UserGroup", "profile: The field cannot be left blank");
        }
        var name = profile.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw OktaApiException.Validation("UserGroup", "name: The field cannot be left blank");
        }
        if (name.Length > 255)
        {
            throw OktaApiException.Validation("UserGroup", "name: The field is too long");
        }
        var description = profile.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        return (name, description);
    }

    private static void Create(ApiRequest request, OrgState org)
    {
        var (name, description) = ReadProfile(request);
        foreach (var existing in org.Groups)
        {
            if (existing is not null && existing.Type == OktaGroup.OktaGroupType && string.Equals(existing.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                throw OktaApiException.Validation("UserGroup", "name: An object with this field already exists in the current organization");
            }
        }
        var group = org.AddGroup(OktaGroup.OktaGroupType, name, description, org.Now);
        OktaJson.WriteGroup(request.Json, group, org, request.BaseUrl, withStats: false);
    }

    private static void Replace(ApiRequest request, OrgState org)
    {
        var group = org.GetGroup(request.Route("id"));
        var (name, description) = ReadProfile(request);
        if (group.Type != OktaGroup.OktaGroupType)
        {
            throw new OktaApiException(403, "E0000006", "You do not have permission to perform the requested action");
        }
        org.UpdateGroupProfile(group, name, description, org.Now);
        OktaJson.WriteGroup(request.Json, group, org, request.BaseUrl, withStats: false);
    }

    private static void Delete(ApiRequest request, OrgState org)
    {
        var group = org.GetGroup(request.Route("id"));
        if (group.Type == OktaGroup.BuiltInType)
        {
            // Okta deletes OKTA_GROUP and APP_GROUP groups; built-in ones (Everyone) are immutable.
            throw OktaApiException.Forbidden();
        }
        org.DeleteGroup(group, org.Now);
        request.NoContent();
    }

    private static void Members(ApiRequest request, OrgState org)
    {
        var group = org.GetGroup(request.Route("id"));
        if (org.GroupHoldsAdminRole(group) && !request.Caller.Can(Permission.ReadRoleAssignments))
        {
            throw OktaApiException.Forbidden();
        }
        var limit = request.Limit(MembersPage, MembersPage);
        var members = group.Members.Items;
        var (start, end) = request.IndexWindow(group.Members, limit, org.UserIndexOf);
        var json = request.Json;
        json.WriteStartArray();
        for (var i = start; i < end; i++)
        {
            OktaJson.WriteUser(json, org.Users[members[i]]!, org, request.BaseUrl, request.OmitCredentials, request.OmitCredentialsLinks, inCollection: true);
        }
        json.WriteEndArray();
        request.PageLinks(end < members.Count ? org.Users[members[end - 1]]!.Id : null, limit);
    }

    private static void AddMember(ApiRequest request, OrgState org)
    {
        var group = org.GetGroup(request.Route("id"));
        var user = org.GetUser(request.Route("userId"));
        RequireOktaGroup(group);
        org.AddMember(group, user, org.Now);
        request.NoContent();
    }

    private static void RemoveMember(ApiRequest request, OrgState org)
    {
        var group = org.GetGroup(request.Route("id"));
        var user = org.GetUser(request.Route("userId"));
        RequireOktaGroup(group);
        org.RemoveMember(group, user, org.Now);
        request.NoContent();
    }

    /// <summary>
    /// Membership of BUILT_IN and APP_GROUP groups is managed by Okta or the source app. Okta refuses an APP_GROUP
    /// change as it refuses any forbidden action (403 E0000006, terraform-provider-okta#118) and a change to
    /// Everyone with E0000060 "Unsupported operation." (terraform-provider-okta#903), which Okta's error catalogue
    /// (developer.okta.com/docs/reference/error-codes) answers with 501 Not Implemented.
    /// </summary>
    private static void RequireOktaGroup(OktaGroup group)
    {
        if (group.Type == OktaGroup.OktaGroupType)
        {
            return;
        }
        throw group.Type == OktaGroup.BuiltInType ? OktaApiException.UnsupportedOperation() : OktaApiException.Forbidden();
    }

    private static void Apps(ApiRequest request, OrgState org)
    {
        var group = org.GetGroup(request.Route("id"));
        var json = request.Json;
        json.WriteStartArray();
        foreach (var appIndex in group.Apps.Items)
        {
            OktaJson.WriteApp(json, org.Apps[appIndex]!, request.BaseUrl);
        }
        json.WriteEndArray();
    }
}
