using System;
using System.Net.Http;
using System.Threading;

namespace OktaBaton.Core.Okta;

/// <summary>
/// What may go into a request path to Okta. Ids and logins are escaped into one path segment each; some values can
/// never be addressed that way and would reach another endpoint instead: "." and ".." (removed by URL normalization:
/// /api/v1/users/.. is /api/v1/), and "/", "\" and ";" even escaped (Okta's servers decode them into path separators
/// and path parameters: a custom role "prefix;suffix" is looked up as "prefix", okta/okta-sdk-java#1526). And "me" in
/// /api/v1/users/me is the caller's own account: as a user id it is refused unless the caller said so
/// (<see cref="AllowSelf"/>), and no request that changes anything is sent to /api/v1/users/me otherwise, whoever built it.
/// </summary>
public static class OktaPaths
{
    private static readonly AsyncLocal<bool> SelfAllowed = new();

    /// <summary>
    /// Within the scope (and the tasks it starts), requests may address /api/v1/users/me: the user asked for their own
    /// account explicitly (-Self, Connect-Okta's probe of who the token belongs to, a raw path typed by hand).
    /// </summary>
    public static IDisposable AllowSelf() => AsyncLocalScope.Set(SelfAllowed, true);

    /// <summary>
    /// A user id or login as one escaped path segment: as <see cref="Segment"/>, and "me" (any case) only within
    /// <see cref="AllowSelf"/>.
    /// </summary>
    public static string UserSegment(string? idOrLogin, string what)
    {
        var segment = Segment(idOrLogin, what);
        if (string.Equals(segment, "me", StringComparison.OrdinalIgnoreCase) && !SelfAllowed.Value) throw SelfNotExplicit();
        return segment;
    }

    /// <summary><paramref name="id"/> as one escaped path segment, or an error naming <paramref name="what"/> when it cannot be one.</summary>
    public static string Segment(string? id, string what)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new OktaOperationException("OktaInvalidArgument", OktaFailureKind.InvalidArgument, what + " is required.");
        }

        var value = id!.Trim();
        var problem = ProblemWith(value);
        if (problem is not null)
        {
            throw new OktaOperationException("OktaInvalidId", OktaFailureKind.InvalidArgument,
                $"{what} '{value}' cannot be sent to Okta in a URL path: {problem}. Give the object's Okta id (for a user, 00u…).");
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary>
    /// Refuses a request path (the part before "?") with an empty, "." or ".." segment, a segment that decodes to
    /// "/", "\", ";" or a control character, or a change to /api/v1/users/me outside <see cref="AllowSelf"/>: whoever
    /// built it, such a request would not reach the object it names.
    /// </summary>
    internal static void Check(HttpMethod method, string path)
    {
        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            var raw = segments[i];
            if (raw.Length == 0 && i == segments.Length - 1) break; // a trailing slash
            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(raw);
            }
            catch (UriFormatException)
            {
                decoded = raw;
            }

            var problem = raw.Length == 0 ? "it has an empty segment (\"//\")" : ProblemWith(decoded);
            if (problem is not null)
            {
                throw new OktaOperationException("OktaInvalidId", OktaFailureKind.InvalidArgument,
                    $"The request to {path} was not sent: segment '{decoded}' {problem}, so it would not reach the object it names.");
            }
        }

        var changes = method != HttpMethod.Get && method != HttpMethod.Head;
        if (changes && segments.Length >= 5 && segments[1] == "api" && segments[2] == "v1" && segments[3] == "users"
            && string.Equals(Uri.UnescapeDataString(segments[4]), "me", StringComparison.OrdinalIgnoreCase) && !SelfAllowed.Value)
        {
            throw SelfNotExplicit();
        }
    }

    private static OktaOperationException SelfNotExplicit() =>
        new("OktaSelfNotExplicit", OktaFailureKind.InvalidArgument,
            "'me' names the connected admin's own account in Okta's API, so it is never taken as a user id or login by accident. "
            + "To act on that account, say so with -Self (where the command has it), or give its id or login.");

    private static string? ProblemWith(string value)
    {
        if (value is "." or "..") return "it is a relative path segment (\".\" or \"..\")";
        foreach (var c in value)
        {
            if (c is '/' or '\\' or ';') return $"it holds '{c}', which Okta reads as a separator";
            if (char.IsControl(c)) return "it holds a control character";
        }

        return null;
    }
}
