namespace OktaBaton.Simulator.Http;

/// <summary>Okta's rate-limit buckets: exact path first, then the longest prefix; the method matters.</summary>
internal static class BucketClassifier
{
    public const string UsersList = "users-list";
    public const string UsersId = "users-id";
    public const string UsersWrite = "users-write";
    public const string GroupsList = "groups-list";
    public const string GroupsId = "groups-id";
    public const string Apps = "apps";
    public const string AppsId = "apps-id";
    /// <summary>/api/v1/logs: 120 a minute ("if your org-wide limit for the /api/v1/logs bucket is 120 requests per minute", rl2-token-oauth).</summary>
    public const string Logs = "logs";
    public const string Default = "default";
    /// <summary>The org authorization server, /oauth2/v1 (the token endpoint): 2000 a minute on Workforce Identity
    /// (developer.okta.com/docs/reference/rl-global-enduser, "OAuth2 requests for the Org Authorization Server").</summary>
    public const string OrgAuthorizationServer = "oauth2-v1";

    public static readonly IReadOnlyDictionary<string, int> WorkforceLimits = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [UsersList] = 600,
        [UsersId] = 2000,
        [UsersWrite] = 600,
        [GroupsList] = 500,
        [GroupsId] = 1000,
        [Apps] = 100,
        [AppsId] = 500,
        [Logs] = 120,
        [Default] = 1200,
        [OrgAuthorizationServer] = 2000,
    };

    public static string Classify(string method, string path)
    {
        var isGet = HttpMethodsEqual(method, "GET");
        var trimmed = path.TrimEnd('/');
        if (trimmed.StartsWith("/oauth2/v1/", StringComparison.Ordinal))
        {
            return OrgAuthorizationServer;
        }
        if (trimmed == "/api/v1/users")
        {
            return isGet ? UsersList : UsersWrite;
        }
        if (trimmed.StartsWith("/api/v1/users/", StringComparison.Ordinal))
        {
            return isGet ? UsersId : UsersWrite;
        }
        if (trimmed == "/api/v1/groups")
        {
            return GroupsList;
        }
        if (trimmed.StartsWith("/api/v1/groups/", StringComparison.Ordinal))
        {
            return GroupsId;
        }
        if (trimmed.StartsWith("/api/v1/apps/", StringComparison.Ordinal) && isGet && trimmed.IndexOf('/', "/api/v1/apps/".Length) < 0)
        {
            return AppsId;
        }
        if (trimmed == "/api/v1/apps" || trimmed.StartsWith("/api/v1/apps/", StringComparison.Ordinal))
        {
            return Apps;
        }
        if (trimmed == "/api/v1/logs")
        {
            return Logs;
        }
        return Default;
    }

    private static bool HttpMethodsEqual(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
