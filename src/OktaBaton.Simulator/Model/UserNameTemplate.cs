using System.Text.RegularExpressions;

namespace OktaBaton.Simulator.Model;

/// <summary>
/// An app's username template (credentials.userNameTemplate), applied when a user is assigned without a userName,
/// directly or through a group. Evaluates the BUILT_IN expressions on Okta attributes from the spec's table
/// (ApplicationCredentialsUsernameTemplate): Okta username (the default), its prefix, Email, its prefix, and
/// Email lowercased. Anything else falls back to the login.
/// </summary>
internal static partial class UserNameTemplate
{
    public const string OktaUsername = "${source.login}";
    public const string OktaUsernamePrefix = "${fn:substringBefore(source.login, \"@\")}";
    public const string Email = "${source.email}";
    public const string EmailPrefix = "${fn:substringBefore(source.email, \"@\")}";

    public static string Apply(string template, OktaUser user)
    {
        var match = Expression().Match(template);
        if (!match.Success)
        {
            return user.Profile.Login;
        }
        var value = match.Groups["attribute"].Value == "email" ? user.Profile.Email ?? user.Profile.Login : user.Profile.Login;
        switch (match.Groups["function"].Value)
        {
            case "substringBefore":
                var at = value.IndexOf('@', StringComparison.Ordinal);
                return at >= 0 ? value[..at] : value;
            case "toLowerCase":
                return value.ToLowerInvariant();
            default:
                return value;
        }
    }

    [GeneratedRegex("""^\$\{(?:fn:(?<function>substringBefore|toLowerCase)\()?\s*source\.(?<attribute>login|email)\s*(?:,\s*"@"\s*)?\)?\}$""")]
    private static partial Regex Expression();
}
