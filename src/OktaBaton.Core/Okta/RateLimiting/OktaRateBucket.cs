using System;

namespace OktaBaton.Core.Okta.RateLimiting;

/// <summary>One of Okta's rate-limit buckets, with the Workforce limit per minute Okta documents for it.</summary>
internal sealed class OktaRateBucket
{
    private OktaRateBucket(string name, int documentedLimit)
    {
        Name = name;
        DocumentedLimit = documentedLimit;
    }

    public static OktaRateBucket UsersList { get; } = new("users-list", 600);

    public static OktaRateBucket UserById { get; } = new("users-id", 2000);

    public static OktaRateBucket UserWrites { get; } = new("users-write", 600);

    public static OktaRateBucket GroupsList { get; } = new("groups-list", 500);

    public static OktaRateBucket GroupById { get; } = new("groups-id", 1000);

    public static OktaRateBucket Apps { get; } = new("apps", 100);

    public static OktaRateBucket AppById { get; } = new("apps-id", 500);

    /// <summary>Every other /api/v1 path.</summary>
    public static OktaRateBucket Default { get; } = new("default", 1200);

    /// <summary>Paths outside /api/v1 (OAuth endpoints and the like); metered by Okta on their own.</summary>
    public static OktaRateBucket Other { get; } = new("other", 600);

    public string Name { get; }

    /// <summary>Workforce requests per minute; only the pace before the first answer's headers are seen.</summary>
    public int DocumentedLimit { get; }

    /// <summary>
    /// Okta's rule: the exact path wins over a prefix, the longest prefix over a shorter one, and for users
    /// and single apps the method decides.
    /// </summary>
    public static OktaRateBucket Classify(string method, string path)
    {
        if (method is null) throw new ArgumentNullException(nameof(method));
        if (path is null) throw new ArgumentNullException(nameof(path));
        var isGet = string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase);
        var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;

        if (!StartsWithSegment(trimmed, "/api/v1")) return Other;
        if (trimmed == "/api/v1/users") return isGet ? UsersList : UserWrites;
        if (StartsWithSegment(trimmed, "/api/v1/users")) return isGet ? UserById : UserWrites;
        if (trimmed == "/api/v1/groups") return GroupsList;
        if (StartsWithSegment(trimmed, "/api/v1/groups")) return GroupById;
        if (StartsWithSegment(trimmed, "/api/v1/apps"))
        {
            var rest = trimmed.Length > "/api/v1/apps/".Length ? trimmed.Substring("/api/v1/apps/".Length) : "";
            return isGet && rest.Length > 0 && rest.IndexOf('/') < 0 ? AppById : Apps;
        }

        return Default;
    }

    /// <summary>True for the prefix itself and for paths below it, never for "/api/v1/usersX".</summary>
    private static bool StartsWithSegment(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.Ordinal) && (path.Length == prefix.Length || path[prefix.Length] == '/');

    public override string ToString() => Name;
}
