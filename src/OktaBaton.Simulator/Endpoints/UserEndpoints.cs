using System.Text.Json;
using OktaBaton.Simulator.Auth;
using OktaBaton.Simulator.Http;
using OktaBaton.Simulator.Json;
using OktaBaton.Simulator.Model;
using OktaBaton.Simulator.SystemLog;

namespace OktaBaton.Simulator.Endpoints;

internal static class UserEndpoints
{
    private const int DefaultPage = 200;
    private const int MaxPage = 200;
    private const int QueryDefault = 10;

    public static void Map(Router router)
    {
        router.Get("/api/v1/users", Permission.ReadUsers, List);
        router.Post("/api/v1/users", Permission.ManageUsers, Create);
        router.Get("/api/v1/users/me", Permission.None, Me);
        router.Get("/api/v1/users/{id}", Permission.ReadUsers, Get);
        router.Post("/api/v1/users/{id}", Permission.ManageUsers, UpdateProfile);
        router.Get("/api/v1/users/{id}/groups", Permission.ReadUsers | Permission.ReadGroups, Groups);
    }

    private static void List(ApiRequest request, OrgState org)
    {
        var q = request.Query("q");
        var search = request.Query("search");
        var filter = request.Query("filter");
        FilterExpression? expression = null;
        if (search is not null)
        {
            expression = FilterExpression.Parse(search, ListFilters.UsersSearch(org));
        }
        else if (filter is not null)
        {
            expression = FilterExpression.Parse(filter, ListFilters.UsersFilter);
        }
        // Okta leaves DEPROVISIONED users out unless the caller searches or filters.
        var includeDeprovisioned = expression is not null;
        var pageable = q is null;
        var limit = pageable ? request.Limit(DefaultPage, MaxPage) : request.Limit(QueryDefault, MaxPage);

        var hidden = request.Caller.Can(Permission.HiddenDirectory);

        bool Matches(OktaUser user)
        {
            if (hidden)
            {
                return false;
            }
            if (!includeDeprovisioned && user.Status == UserStatus.Deprovisioned)
            {
                return false;
            }
            if (q is not null && !StartsWithAny(user.Profile, q))
            {
                return false;
            }
            return expression is null || expression.Matches(field => UserFields.Get(user, org, field));
        }

        var start = 0;
        if (pageable && request.Query("after") is { } after)
        {
            start = (org.UserIndexOf(after) ?? throw OktaApiException.Validation("after", "after: invalid cursor")) + 1;
        }
        request.WritePage(org.Users, start, limit, pageable,
            user => Matches(user),
            user => user.Id,
            (json, user) => OktaJson.WriteUser(json, user, org, request.BaseUrl, request.OmitCredentials, request.OmitCredentialsLinks, inCollection: true));
    }

    /// <summary>listUsers <c>q</c>: "matched against firstName, lastName, or email" with a starts-with match.</summary>
    private static bool StartsWithAny(UserProfile profile, string q) =>
        Starts(profile.Email, q) || Starts(profile.FirstName, q) || Starts(profile.LastName, q);

    private static bool Starts(string? value, string q) => value is not null && value.StartsWith(q, StringComparison.OrdinalIgnoreCase);

    private static void Me(ApiRequest request, OrgState org)
    {
        var user = org.GetUser(request.Caller.OwnerUserId);
        OktaJson.WriteUser(request.Json, user, org, request.BaseUrl);
    }

    private static void Get(ApiRequest request, OrgState org)
    {
        var user = org.GetUser(request.Route("id"));
        OktaJson.WriteUser(request.Json, user, org, request.BaseUrl, request.OmitCredentials, request.OmitCredentialsLinks);
    }

    private static void Groups(ApiRequest request, OrgState org)
    {
        var user = org.GetUser(request.Route("id"));
        var json = request.Json;
        json.WriteStartArray();
        foreach (var group in org.Groups)
        {
            if (group is not null && group.Members.Contains(user.Index))
            {
                OktaJson.WriteGroup(json, group, org, request.BaseUrl, withStats: false);
            }
        }
        json.WriteEndArray();
    }

    private static void Create(ApiRequest request, OrgState org)
    {
        var body = request.Body();
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("profile", out var profileJson) || profileJson.ValueKind != JsonValueKind.Object)
        {
            throw OktaApiException.Validation("User", "profile: The field cannot be left blank");
        }
        UserSchema.RejectUndefined(profileJson, org, "newUser");
        var profile = ReadProfile(profileJson, new UserProfile());
        var causes = new List<string>();
        if (string.IsNullOrWhiteSpace(profile.Login))
        {
            causes.Add("login: The field cannot be left blank");
        }
        if (string.IsNullOrWhiteSpace(profile.Email))
        {
            causes.Add("email: The field cannot be left blank");
        }
        if (string.IsNullOrWhiteSpace(profile.FirstName))
        {
            causes.Add("firstName: The field cannot be left blank");
        }
        if (string.IsNullOrWhiteSpace(profile.LastName))
        {
            causes.Add("lastName: The field cannot be left blank");
        }
        if (causes.Count > 0)
        {
            throw OktaApiException.Validation("User", causes.ToArray());
        }
        if (org.LoginExists(profile.Login))
        {
            throw OktaApiException.Validation("login", "login: An object with this field already exists in the current organization");
        }
        var hasPassword = body.TryGetProperty("credentials", out var credentials)
            && credentials.ValueKind == JsonValueKind.Object
            && credentials.TryGetProperty("password", out var password)
            && password.ValueKind == JsonValueKind.Object
            && password.TryGetProperty("value", out var passwordValue)
            && passwordValue.ValueKind == JsonValueKind.String;
        var isFederated = request.QueryFlag("provider", false);
        var activate = request.QueryFlag("activate", true);
        var status = !activate ? UserStatus.Staged : hasPassword || isFederated ? UserStatus.Active : UserStatus.Provisioned;
        var providerType = isFederated ? "FEDERATION" : "OKTA";
        var providerName = providerType;
        if (credentials.ValueKind == JsonValueKind.Object && credentials.TryGetProperty("provider", out var provider) && provider.ValueKind == JsonValueKind.Object)
        {
            providerType = provider.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : providerType;
            providerName = provider.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : providerType;
        }
        var groups = new List<OktaGroup>();
        if (body.TryGetProperty("groupIds", out var groupIds) && groupIds.ValueKind == JsonValueKind.Array)
        {
            foreach (var groupId in groupIds.EnumerateArray())
            {
                groups.Add(org.GetGroup(groupId.GetString() ?? string.Empty));
            }
        }
        var now = org.Now;
        var user = org.AddUser(profile, status, now, new NewUserCredentials(hasPassword, providerType, providerName));
        if (string.Equals(request.Query("nextLogin"), "changePassword", StringComparison.OrdinalIgnoreCase) && user.Status == UserStatus.Active)
        {
            org.ChangeUserStatus(user, UserStatus.PasswordExpired, EventTypes.UserExpirePassword, "Expire user password", now);
        }
        foreach (var group in groups)
        {
            org.AddMember(group, user, now);
        }
        OktaJson.WriteUser(request.Json, user, org, request.BaseUrl);
    }

    /// <summary>
    /// POST /users/{id}: partial update — only the attributes sent change; an explicit null clears one. A DEPROVISIONED
    /// user's profile cannot be updated unless the org turned on "Edit deactivated user profiles" (spec, updateUser);
    /// Okta then answers 404 E0000007 as for a missing user (okta/okta-sdk-java#721).
    /// </summary>
    private static void UpdateProfile(ApiRequest request, OrgState org)
    {
        var user = org.GetUser(request.Route("id"));
        var body = request.Body();
        if (user.Status == UserStatus.Deprovisioned)
        {
            throw OktaApiException.NotFound(user.Id, "User");
        }
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("profile", out var profileJson) && profileJson.ValueKind == JsonValueKind.Object)
        {
            UserSchema.RejectUndefined(profileJson, org, "user");
            UserSchema.RejectBlankRequired(profileJson);
            var newLogin = profileJson.TryGetProperty("login", out var login) && login.ValueKind == JsonValueKind.String ? login.GetString() : null;
            if (newLogin is not null && !string.Equals(newLogin, user.Profile.Login, StringComparison.OrdinalIgnoreCase) && org.LoginExists(newLogin))
            {
                throw OktaApiException.Validation("login", "login: An object with this field already exists in the current organization");
            }
            org.UpdateUserProfile(user, profile => ReadProfile(profileJson, profile), org.Now);
        }
        OktaJson.WriteUser(request.Json, user, org, request.BaseUrl);
    }

    private static UserProfile ReadProfile(JsonElement json, UserProfile profile)
    {
        foreach (var property in json.EnumerateObject())
        {
            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            switch (property.Name)
            {
                case "login": profile.Login = text ?? string.Empty; break;
                case "email": profile.Email = text; break;
                case "secondEmail": profile.SecondEmail = text; break;
                case "firstName": profile.FirstName = text; break;
                case "lastName": profile.LastName = text; break;
                case "displayName": profile.DisplayName = text; break;
                case "employeeNumber": profile.EmployeeNumber = text; break;
                default: profile.SetExtra(property.Name, property.Value.Clone()); break;
            }
        }
        return profile;
    }
}
