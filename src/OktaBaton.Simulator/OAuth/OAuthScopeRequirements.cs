namespace OktaBaton.Simulator.OAuth;

/// <summary>Which Okta scope a management API call needs: the resource family, .read for GET/HEAD, .manage otherwise.</summary>
public static class OAuthScopeRequirements
{
    public static string? RequiredScope(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 3 || segments[0] != "api" || segments[1] != "v1") return null;
        var family = segments[2] switch
        {
            "iam" => "roles",
            "api-tokens" => "apiTokens",
            "users" or "groups" when segments.Length >= 5 && segments[4] == "roles" => "roles",
            "users" => "users",
            "groups" => "groups",
            "apps" => "apps",
            "logs" => "logs",
            "devices" => "devices",
            _ => null,
        };
        if (family is null) return null;
        var read = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        return $"okta.{family}.{(read ? "read" : "manage")}";
    }

    private static class HttpMethods
    {
        public static bool IsGet(string method) => string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase);
        public static bool IsHead(string method) => string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase);
    }
}
