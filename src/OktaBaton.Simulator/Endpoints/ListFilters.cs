using OktaBaton.Simulator.Http;
using OktaBaton.Simulator.Model;

namespace OktaBaton.Simulator.Endpoints;

/// <summary>The attributes and operators each directory list accepts, from the spec's parameter descriptions.</summary>
internal static class ListFilters
{
    private static readonly string[] DateOperators = { "eq", "gt", "ge", "lt", "le" };

    /// <summary>
    /// listUsers <c>search</c>: any profile attribute in the schema, <c>id status created activated statusChanged
    /// lastUpdated type.id</c>; operators <c>eq sw</c>, <c>co</c> only on firstName/lastName/email/login, comparisons and
    /// <c>pr</c>; <c>ne</c> isn't supported ("use lt … or … gt").
    /// </summary>
    public static FilterRules UsersSearch(OrgState org) => FilterRules.Directory("search", (attribute, op) =>
    {
        var known = attribute is "id" or "status" or "created" or "activated" or "statusChanged" or "lastUpdated" or "type.id"
            || (attribute.StartsWith("profile.", StringComparison.Ordinal) && org.UserProfileAttributes.Contains(attribute["profile.".Length..]));
        if (!known)
        {
            return $"'{attribute}' is not a searchable user attribute";
        }
        if (op == "co")
        {
            return attribute is "profile.firstName" or "profile.lastName" or "profile.email" or "profile.login"
                ? null
                : $"'co' can only be used with profile.firstName, profile.lastName, profile.email and profile.login, not '{attribute}'";
        }
        return FilterRules.OperatorRefusal(attribute, op, "eq", "sw", "co", "gt", "ge", "lt", "le", "pr");
    });

    /// <summary>listUsers <c>filter</c>: status, lastUpdated, id, profile.login/email/firstName/lastName; <c>eq</c> only, comparisons on lastUpdated.</summary>
    public static FilterRules UsersFilter { get; } = FilterRules.Directory("filter", (attribute, op) => attribute switch
    {
        "lastUpdated" => FilterRules.OperatorRefusal(attribute, op, DateOperators),
        "status" or "id" or "profile.login" or "profile.email" or "profile.firstName" or "profile.lastName" => FilterRules.OperatorRefusal(attribute, op, "eq"),
        _ => $"filtering on '{attribute}' isn't supported (supported: status, lastUpdated, id, profile.login, profile.email, profile.firstName, profile.lastName; use search for other attributes)",
    });

    /// <summary>listGroups <c>search</c>: profile attributes, id, created, lastMembershipUpdated, lastUpdated, type, source.id; <c>co</c> only on profile.name/description.</summary>
    public static FilterRules GroupsSearch { get; } = FilterRules.Directory("search", (attribute, op) =>
    {
        var known = attribute is "id" or "created" or "lastMembershipUpdated" or "lastUpdated" or "type" or "source.id" or "profile.name" or "profile.description";
        if (!known)
        {
            return $"'{attribute}' is not a searchable group attribute";
        }
        if (op == "co")
        {
            return attribute is "profile.name" or "profile.description" ? null : $"'co' can only be used with profile.name and profile.description, not '{attribute}'";
        }
        return FilterRules.OperatorRefusal(attribute, op, "eq", "sw", "co", "gt", "ge", "lt", "le", "pr");
    });

    /// <summary>listGroups <c>filter</c>: id, type, lastUpdated, lastMembershipUpdated.</summary>
    public static FilterRules GroupsFilter { get; } = FilterRules.Directory("filter", (attribute, op) => attribute switch
    {
        "lastUpdated" or "lastMembershipUpdated" => FilterRules.OperatorRefusal(attribute, op, DateOperators),
        "id" or "type" => FilterRules.OperatorRefusal(attribute, op, "eq"),
        _ => $"filtering on '{attribute}' isn't supported (supported: id, type, lastUpdated, lastMembershipUpdated; use search for other attributes)",
    });

    /// <summary>
    /// listApplications <c>filter</c>: id, status, name, credentials.signing.kid, settings.slo.enabled, and
    /// <c>user.id</c> / <c>group.id</c> (apps assigned to a user or group: the spec's expand=user/{id} needs it); <c>eq</c> only.
    /// </summary>
    public static FilterRules AppsFilter { get; } = FilterRules.Directory("filter", (attribute, op) => attribute switch
    {
        "id" or "status" or "name" or "credentials.signing.kid" or "settings.slo.enabled" or "user.id" or "group.id" => FilterRules.OperatorRefusal(attribute, op, "eq"),
        _ => $"filtering on '{attribute}' isn't supported (supported: id, status, name, credentials.signing.kid, settings.slo.enabled, user.id, group.id)",
    });
}
