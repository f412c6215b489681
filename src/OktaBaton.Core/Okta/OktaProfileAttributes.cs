using System;
using System.Collections.Generic;

namespace OktaBaton.Core.Okta;

/// <summary>
/// Okta's 31 base user profile attributes (the management spec's UserProfile). Okta's attribute names are
/// case-sensitive; a name that matches a base attribute in another case ("Department" from a CSV header) is given
/// Okta's spelling, while a custom attribute's name is sent as written.
/// </summary>
public static class OktaProfileAttributes
{
    private static readonly Dictionary<string, string> Base = Index(
        "city", "costCenter", "countryCode", "department", "displayName", "division", "email", "employeeNumber",
        "firstName", "honorificPrefix", "honorificSuffix", "lastName", "locale", "login", "manager", "managerId",
        "middleName", "mobilePhone", "nickName", "organization", "postalAddress", "preferredLanguage", "primaryPhone",
        "profileUrl", "secondEmail", "state", "streetAddress", "timezone", "title", "userType", "zipCode");

    public static IEnumerable<string> BaseNames => Base.Values;

    public static string Canonical(string name)
    {
        var trimmed = name.Trim();
        return Base.TryGetValue(trimmed, out var canonical) ? canonical : trimmed;
    }

    private static Dictionary<string, string> Index(params string[] names)
    {
        var index = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            index[name] = name;
        }

        return index;
    }
}
