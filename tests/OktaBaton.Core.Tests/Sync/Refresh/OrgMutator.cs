using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OktaBaton.Core.Tests.Sync.Refresh;

/// <summary>
/// Changes a simulated org at random, every kind of change the simulator takes: through the API (an API token) and
/// through the Admin Console (an administrator, no token). Targets are picked from <c>/__simulator/state</c> before each
/// change; a change Okta refuses in the target's state (suspending a STAGED user, …) is simply skipped.
/// </summary>
public sealed class OrgMutator : IDisposable
{
    private static readonly string[] StandardRoles =
        { "SUPER_ADMIN", "ORG_ADMIN", "APP_ADMIN", "USER_ADMIN", "HELP_DESK_ADMIN", "READ_ONLY_ADMIN", "REPORT_ADMIN", "GROUP_MEMBERSHIP_ADMIN", "WORKFLOWS_ADMIN", "ACCESS_REQUESTS_ADMIN" };

    private static readonly string[] LifecycleSteps = { "activate", "deactivate", "suspend", "unsuspend", "reactivate", "unlock", "expire_password", "reset_factors" };

    private readonly HttpClient _api;
    private readonly HttpClient _console;
    private readonly Random _random;
    private readonly List<Change> _changes;
    private int _serial;

    public OrgMutator(Uri baseUrl, string token, int seed)
    {
        _api = new HttpClient { BaseAddress = baseUrl };
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("SSWS", token);
        _console = new HttpClient { BaseAddress = new Uri(baseUrl, "/__simulator/console/") };
        _random = new Random(seed);
        _changes = new List<Change>
        {
            new("create user", CreateUser),
            new("update a user's profile", UpdateProfile),
            new("a lifecycle step", Lifecycle),
            new("delete a user", DeleteUser),
            new("sign in", SignIn),
            new("create a group", CreateGroup),
            new("rename a group", RenameGroup),
            new("delete a group", DeleteGroup),
            new("add a member", AddMember),
            new("remove a member", RemoveMember),
            new("assign an app to a user", AssignAppUser),
            new("change an app user's name", UpdateAppUser),
            new("unassign an app from a user", UnassignAppUser),
            new("assign an app to a group", AssignAppGroup),
            new("unassign an app from a group", UnassignAppGroup),
            new("activate or deactivate an app", AppLifecycle),
            new("relabel an app", RelabelApp),
            new("delete an inactive app", DeleteApp),
            new("grant a user an admin role", AssignUserRole),
            new("revoke a user's admin role", UnassignUserRole),
            new("grant a group an admin role", AssignGroupRole),
            new("revoke a group's admin role", UnassignGroupRole),
            new("limit an admin role to a group", AddGroupTarget),
            new("lift a role's group limit", RemoveGroupTarget),
            new("limit an app admin to an app", AddAppTarget),
            new("add a resource-set binding member", AddBindingMember),
            new("remove a resource-set binding member", RemoveBindingMember),
            new("bind a role to a resource set", CreateBinding),
            new("create a custom role", CreateCustomRole),
            new("delete a custom role", DeleteCustomRole),
            new("create a resource set", CreateResourceSet),
            new("relabel a resource set", RelabelResourceSet),
            new("delete a resource set", DeleteResourceSet),
            new("revoke an API token", RevokeApiToken),
        };
    }

    /// <summary>Every change that succeeded, "through the API|console: what (path)", in order.</summary>
    public List<string> Applied { get; } = new();

    /// <summary>Applies <paramref name="count"/> random changes that Okta accepted (tries more when some are refused).</summary>
    public async Task ApplyAsync(int count)
    {
        var applied = 0;
        for (var attempt = 0; applied < count && attempt < count * 20; attempt++)
        {
            var change = _changes[_random.Next(_changes.Count)];
            using var state = await StateAsync();
            var request = change.Make(state.RootElement);
            if (request is null) continue;
            // the Admin Console plays the API's routes; the simulator's own stand-ins (a sign-in) are not console actions
            var viaConsole = request.RequestUri!.OriginalString.StartsWith("/api/", StringComparison.Ordinal) && _random.Next(3) == 0;
            using var response = await (viaConsole ? _console : _api).SendAsync(viaConsole ? ForConsole(request) : request);
            if ((int)response.StatusCode >= 500) throw new InvalidOperationException($"{change.Name}: {request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            if (!response.IsSuccessStatusCode) continue;
            Applied.Add($"{(viaConsole ? "console" : "API")}: {change.Name} ({request.Method} {request.RequestUri})");
            applied++;
        }
    }

    public void Dispose()
    {
        _api.Dispose();
        _console.Dispose();
    }

    private async Task<JsonDocument> StateAsync() => JsonDocument.Parse(await _api.GetStringAsync("/__simulator/state"));

    private static HttpRequestMessage ForConsole(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri!.OriginalString.TrimStart('/')) { Content = request.Content };
        return copy;
    }

    // ---- users

    private HttpRequestMessage CreateUser(JsonElement state)
    {
        var n = ++_serial;
        var login = $"refresh.{_random.Next(1_000_000)}.{n}@acme.example";
        var activate = _random.Next(2) == 0 ? "true" : "false";
        var password = _random.Next(2) == 0 ? ",\"credentials\":{\"password\":{\"value\":\"Passw0rd!Passw0rd\"}}" : "";
        return Post($"/api/v1/users?activate={activate}",
            $"{{\"profile\":{{\"firstName\":\"Refresh\",\"lastName\":\"User {n}\",\"email\":\"{login}\",\"login\":\"{login}\",\"department\":\"Dept {_random.Next(5)}\"}}{password}}}");
    }

    private HttpRequestMessage? UpdateProfile(JsonElement state)
    {
        var user = Pick(Users(state));
        if (user is null) return null;
        var field = _random.Next(4) switch
        {
            0 => $"\"title\":\"Title {_random.Next(1000)}\"",
            1 => $"\"secondEmail\":\"second{_random.Next(1000)}@contractors.example\"",
            2 => $"\"displayName\":\"Display {_random.Next(1000)}\"",
            _ => $"\"employeeNumber\":\"{_random.Next(100000)}\"",
        };
        return Post($"/api/v1/users/{Id(user.Value)}", $"{{\"profile\":{{{field}}}}}");
    }

    private HttpRequestMessage? Lifecycle(JsonElement state)
    {
        var user = Pick(Users(state).Where(u => Id(u) != state.GetProperty("tokenOwnerId").GetString()));
        return user is null ? null : Post($"/api/v1/users/{Id(user.Value)}/lifecycle/{LifecycleSteps[_random.Next(LifecycleSteps.Length)]}", null);
    }

    private HttpRequestMessage? DeleteUser(JsonElement state)
    {
        // the first DELETE deactivates; a second deletes
        var user = Pick(Users(state).Where(u => Id(u) != state.GetProperty("tokenOwnerId").GetString()
            && (u.GetProperty("status").GetString() == "DEPROVISIONED" || _random.Next(4) == 0)));
        return user is null ? null : new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/users/{Id(user.Value)}");
    }

    private HttpRequestMessage? SignIn(JsonElement state)
    {
        var user = Pick(Users(state).Where(u => u.GetProperty("status").GetString() is "ACTIVE" or "PASSWORD_EXPIRED"));
        return user is null ? null : Post($"/__simulator/users/{Id(user.Value)}/sign-in", null);
    }

    // ---- groups

    private HttpRequestMessage CreateGroup(JsonElement state) =>
        Post("/api/v1/groups", $"{{\"profile\":{{\"name\":\"Refresh group {++_serial}\",\"description\":\"made at random\"}}}}");

    private HttpRequestMessage? RenameGroup(JsonElement state)
    {
        var group = Pick(Groups(state).Where(IsOktaGroup));
        return group is null ? null : new HttpRequestMessage(HttpMethod.Put, $"/api/v1/groups/{Id(group.Value)}")
        {
            Content = Json($"{{\"profile\":{{\"name\":\"Renamed {++_serial}\",\"description\":\"renamed at random\"}}}}"),
        };
    }

    private HttpRequestMessage? DeleteGroup(JsonElement state)
    {
        // deleting one of the seed's groups is rare; the random ones go more often
        var group = Pick(Groups(state).Where(g => IsOktaGroup(g) && (Name(g).StartsWith("Refresh group", StringComparison.Ordinal) || _random.Next(6) == 0)));
        return group is null ? null : new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/groups/{Id(group.Value)}");
    }

    private HttpRequestMessage? AddMember(JsonElement state)
    {
        var group = Pick(Groups(state).Where(IsOktaGroup));
        var user = Pick(Users(state));
        return group is null || user is null ? null : new HttpRequestMessage(HttpMethod.Put, $"/api/v1/groups/{Id(group.Value)}/users/{Id(user.Value)}");
    }

    private HttpRequestMessage? RemoveMember(JsonElement state)
    {
        var group = Pick(Groups(state).Where(g => IsOktaGroup(g) && g.GetProperty("memberIds").GetArrayLength() > 0));
        if (group is null) return null;
        var member = Pick(group.Value.GetProperty("memberIds").EnumerateArray())!.Value.GetString();
        return new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/groups/{Id(group.Value)}/users/{member}");
    }

    // ---- apps

    private HttpRequestMessage? AssignAppUser(JsonElement state)
    {
        var app = Pick(Apps(state));
        var user = Pick(Users(state));
        return app is null || user is null ? null
            : Post($"/api/v1/apps/{Id(app.Value)}/users", $"{{\"id\":\"{Id(user.Value)}\",\"scope\":\"USER\",\"credentials\":{{\"userName\":\"app.{_random.Next(100000)}\"}}}}");
    }

    private HttpRequestMessage? UpdateAppUser(JsonElement state)
    {
        var app = Pick(Apps(state).Where(a => a.GetProperty("users").GetArrayLength() > 0));
        if (app is null) return null;
        var user = Pick(app.Value.GetProperty("users").EnumerateArray())!.Value.GetProperty("userId").GetString();
        return Post($"/api/v1/apps/{Id(app.Value)}/users/{user}", $"{{\"credentials\":{{\"userName\":\"renamed.{_random.Next(100000)}\"}}}}");
    }

    private HttpRequestMessage? UnassignAppUser(JsonElement state)
    {
        var app = Pick(Apps(state).Where(a => a.GetProperty("users").EnumerateArray().Any(u => u.GetProperty("scope").GetString() == "USER")));
        if (app is null) return null;
        var user = Pick(app.Value.GetProperty("users").EnumerateArray().Where(u => u.GetProperty("scope").GetString() == "USER"))!.Value.GetProperty("userId").GetString();
        return new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/apps/{Id(app.Value)}/users/{user}");
    }

    private HttpRequestMessage? AssignAppGroup(JsonElement state)
    {
        var app = Pick(Apps(state));
        var group = Pick(Groups(state).Where(g => g.GetProperty("type").GetString() != "BUILT_IN" || _random.Next(5) == 0));
        return app is null || group is null ? null
            : new HttpRequestMessage(HttpMethod.Put, $"/api/v1/apps/{Id(app.Value)}/groups/{Id(group.Value)}") { Content = Json("{}") };
    }

    private HttpRequestMessage? UnassignAppGroup(JsonElement state)
    {
        var app = Pick(Apps(state).Where(a => a.GetProperty("groups").GetArrayLength() > 0));
        if (app is null) return null;
        var group = Pick(app.Value.GetProperty("groups").EnumerateArray())!.Value.GetProperty("groupId").GetString();
        return new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/apps/{Id(app.Value)}/groups/{group}");
    }

    private HttpRequestMessage? AppLifecycle(JsonElement state)
    {
        var app = Pick(Apps(state));
        if (app is null) return null;
        var step = app.Value.GetProperty("status").GetString() == "ACTIVE" ? "deactivate" : "activate";
        return Post($"/api/v1/apps/{Id(app.Value)}/lifecycle/{step}", null);
    }

    // its assignments, the groups imported from it and the role targets naming it go with it, under one event
    private HttpRequestMessage? DeleteApp(JsonElement state)
    {
        var app = Pick(Apps(state).Where(a => a.GetProperty("status").GetString() != "ACTIVE"));
        return app is null ? null : new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/apps/{Id(app.Value)}");
    }

    private HttpRequestMessage? RelabelApp(JsonElement state)
    {
        var app = Pick(Apps(state));
        return app is null ? null : new HttpRequestMessage(HttpMethod.Put, $"/api/v1/apps/{Id(app.Value)}")
        {
            Content = Json($"{{\"name\":\"{app.Value.GetProperty("name").GetString()}\",\"label\":\"Relabelled {++_serial}\",\"signOnMode\":\"{app.Value.GetProperty("signOnMode").GetString()}\"}}"),
        };
    }

    // ---- admin roles

    private HttpRequestMessage? AssignUserRole(JsonElement state)
    {
        var user = Pick(Users(state).Where(u => u.GetProperty("status").GetString() != "DEPROVISIONED"));
        return user is null ? null : Post($"/api/v1/users/{Id(user.Value)}/roles", $"{{\"type\":\"{StandardRoles[_random.Next(StandardRoles.Length)]}\"}}");
    }

    private HttpRequestMessage? UnassignUserRole(JsonElement state)
    {
        var role = Pick(state.GetProperty("userRoles").EnumerateArray().Where(r => r.GetProperty("userId").GetString() != state.GetProperty("tokenOwnerId").GetString()));
        return role is null ? null : new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/users/{role.Value.GetProperty("userId").GetString()}/roles/{Id(role.Value)}");
    }

    private HttpRequestMessage? AssignGroupRole(JsonElement state)
    {
        var group = Pick(Groups(state).Where(IsOktaGroup));
        return group is null ? null : Post($"/api/v1/groups/{Id(group.Value)}/roles", $"{{\"type\":\"{StandardRoles[_random.Next(StandardRoles.Length)]}\"}}");
    }

    private HttpRequestMessage? UnassignGroupRole(JsonElement state)
    {
        var role = Pick(state.GetProperty("groupRoles").EnumerateArray());
        return role is null ? null : new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/groups/{role.Value.GetProperty("groupId").GetString()}/roles/{Id(role.Value)}");
    }

    private (string Path, JsonElement Role)? PickRole(JsonElement state, Func<JsonElement, bool> which)
    {
        var roles = state.GetProperty("userRoles").EnumerateArray().Select(r => ($"/api/v1/users/{r.GetProperty("userId").GetString()}/roles/{Id(r)}", r))
            .Concat(state.GetProperty("groupRoles").EnumerateArray().Select(r => ($"/api/v1/groups/{r.GetProperty("groupId").GetString()}/roles/{Id(r)}", r)))
            .Where(r => which(r.r)).ToList();
        return roles.Count == 0 ? null : roles[_random.Next(roles.Count)];
    }

    private HttpRequestMessage? AddGroupTarget(JsonElement state)
    {
        var role = PickRole(state, r => r.GetProperty("type").GetString() is "USER_ADMIN" or "HELP_DESK_ADMIN" or "GROUP_MEMBERSHIP_ADMIN");
        var group = Pick(Groups(state).Where(IsOktaGroup));
        return role is null || group is null ? null : new HttpRequestMessage(HttpMethod.Put, $"{role.Value.Path}/targets/groups/{Id(group.Value)}");
    }

    private HttpRequestMessage? RemoveGroupTarget(JsonElement state)
    {
        var role = PickRole(state, r => r.GetProperty("targetGroupIds").GetArrayLength() > 1);
        if (role is null) return null;
        var target = Pick(role.Value.Role.GetProperty("targetGroupIds").EnumerateArray())!.Value.GetString();
        return new HttpRequestMessage(HttpMethod.Delete, $"{role.Value.Path}/targets/groups/{target}");
    }

    private HttpRequestMessage? AddAppTarget(JsonElement state)
    {
        var role = PickRole(state, r => r.GetProperty("type").GetString() == "APP_ADMIN");
        if (role is null) return null;
        // an instance target of an app the role already covers whole (an OIN target) is refused
        var covered = role.Value.Role.GetProperty("targetApps").EnumerateArray()
            .Where(t => t.GetProperty("appId").ValueKind == JsonValueKind.Null).Select(t => t.GetProperty("name").GetString()).ToHashSet();
        var app = Pick(Apps(state).Where(a => !covered.Contains(a.GetProperty("name").GetString())));
        return app is null ? null
            : new HttpRequestMessage(HttpMethod.Put, $"{role.Value.Path}/targets/catalog/apps/{app.Value.GetProperty("name").GetString()}/{Id(app.Value)}");
    }

    // ---- custom roles, resource sets and bindings

    private HttpRequestMessage? AddBindingMember(JsonElement state)
    {
        var (set, binding) = PickBinding(state);
        if (set is null) return null;
        return new HttpRequestMessage(new HttpMethod("PATCH"), $"/api/v1/iam/resource-sets/{Id(set.Value)}/bindings/{binding!.Value.GetProperty("roleId").GetString()}/members")
        {
            Content = Json($"{{\"additions\":[\"{PrincipalHref(state)}\"]}}"),
        };
    }

    private HttpRequestMessage? RemoveBindingMember(JsonElement state)
    {
        var (set, binding) = PickBinding(state);
        if (set is null || binding!.Value.GetProperty("members").GetArrayLength() == 0) return null;
        var member = Pick(binding.Value.GetProperty("members").EnumerateArray())!.Value;
        return new HttpRequestMessage(HttpMethod.Delete,
            $"/api/v1/iam/resource-sets/{Id(set.Value)}/bindings/{binding.Value.GetProperty("roleId").GetString()}/members/{Id(member)}");
    }

    private HttpRequestMessage? CreateBinding(JsonElement state)
    {
        var set = Pick(state.GetProperty("resourceSets").EnumerateArray());
        var role = Pick(state.GetProperty("customRoles").EnumerateArray());
        return set is null || role is null ? null
            : Post($"/api/v1/iam/resource-sets/{Id(set.Value)}/bindings", $"{{\"role\":\"{Id(role.Value)}\",\"members\":[\"{PrincipalHref(state)}\"]}}");
    }

    private HttpRequestMessage CreateCustomRole(JsonElement state) =>
        Post("/api/v1/iam/roles", $"{{\"label\":\"Refresh role {++_serial}\",\"description\":\"made at random\",\"permissions\":[\"okta.users.read\"]}}");

    private HttpRequestMessage? DeleteCustomRole(JsonElement state)
    {
        var role = Pick(state.GetProperty("customRoles").EnumerateArray());
        return role is null ? null : new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/iam/roles/{Id(role.Value)}");
    }

    private HttpRequestMessage CreateResourceSet(JsonElement state) =>
        Post("/api/v1/iam/resource-sets",
            $"{{\"label\":\"Refresh set {++_serial}\",\"description\":\"made at random\",\"resources\":[\"{state.GetProperty("baseUrl").GetString()}/api/v1/users\"]}}");

    private HttpRequestMessage? RelabelResourceSet(JsonElement state)
    {
        var set = Pick(state.GetProperty("resourceSets").EnumerateArray());
        return set is null ? null : new HttpRequestMessage(HttpMethod.Put, $"/api/v1/iam/resource-sets/{Id(set.Value)}")
        {
            Content = Json($"{{\"label\":\"Relabelled set {++_serial}\",\"description\":\"relabelled at random\"}}"),
        };
    }

    private HttpRequestMessage? DeleteResourceSet(JsonElement state)
    {
        var set = Pick(state.GetProperty("resourceSets").EnumerateArray());
        return set is null ? null : new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/iam/resource-sets/{Id(set.Value)}");
    }

    private HttpRequestMessage? RevokeApiToken(JsonElement state)
    {
        // not the first: the tests' own token acts through it
        var token = Pick(state.GetProperty("apiTokens").EnumerateArray().Skip(1));
        return token is null ? null : new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/api-tokens/{Id(token.Value)}");
    }

    // ---- helpers

    private (JsonElement? Set, JsonElement? Binding) PickBinding(JsonElement state)
    {
        var set = Pick(state.GetProperty("resourceSets").EnumerateArray().Where(s => s.GetProperty("bindings").GetArrayLength() > 0));
        return set is null ? (null, null) : (set, Pick(set.Value.GetProperty("bindings").EnumerateArray()));
    }

    private string PrincipalHref(JsonElement state)
    {
        var baseUrl = state.GetProperty("baseUrl").GetString();
        if (_random.Next(2) == 0 && Pick(Groups(state).Where(IsOktaGroup)) is { } group) return $"{baseUrl}/api/v1/groups/{Id(group)}";
        return $"{baseUrl}/api/v1/users/{Id(Pick(Users(state))!.Value)}";
    }

    private JsonElement? Pick(IEnumerable<JsonElement> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list[_random.Next(list.Count)];
    }

    private static IEnumerable<JsonElement> Users(JsonElement state) => state.GetProperty("users").EnumerateArray();

    private static IEnumerable<JsonElement> Groups(JsonElement state) => state.GetProperty("groups").EnumerateArray();

    private static IEnumerable<JsonElement> Apps(JsonElement state) => state.GetProperty("apps").EnumerateArray();

    private static bool IsOktaGroup(JsonElement group) => group.GetProperty("type").GetString() == "OKTA_GROUP";

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    private static string Name(JsonElement group) => group.GetProperty("profile").GetProperty("name").GetString() ?? "";

    private static HttpRequestMessage Post(string path, string? body) =>
        new(HttpMethod.Post, path) { Content = body is null ? new ByteArrayContent(Array.Empty<byte>()) : Json(body) };

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private sealed record Change(string Name, Func<JsonElement, HttpRequestMessage?> Make);
}
