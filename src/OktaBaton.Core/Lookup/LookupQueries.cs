using System.Collections.Generic;

namespace OktaBaton.Core.Lookup;

/// <summary>Which users to read: one by id or login, or a list narrowed as Okta defines filter, search and q.</summary>
public sealed class UserQuery
{
    public string? IdOrLogin { get; set; }

    /// <summary>Okta's <c>filter</c> (status, lastUpdated, id, profile.login/email/firstName/lastName; eq).</summary>
    public string? Filter { get; set; }

    /// <summary>Okta's <c>search</c> (any profile attribute; eq, sw, co, gt…, pr; and/or/parentheses).</summary>
    public string? Search { get; set; }

    /// <summary>Okta's <c>q</c>: a starts-with match on first name, last name or email.</summary>
    public string? Query { get; set; }

    /// <summary>Only these statuses (ACTIVE, SUSPENDED, DEPROVISIONED, …); asking for a status includes DEPROVISIONED users when asked.</summary>
    public IReadOnlyList<string>? Status { get; set; }
}

/// <summary>Which groups to read: one by id, by name (wildcards * and ?), or a list by filter, search, q or type.</summary>
public sealed class GroupQuery
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>Okta's <c>filter</c> (id, type, lastUpdated, lastMembershipUpdated).</summary>
    public string? Filter { get; set; }

    /// <summary>Okta's <c>search</c> (profile attributes, id, type, dates, source.id).</summary>
    public string? Search { get; set; }

    /// <summary>Okta's <c>q</c>: a starts-with match on the name (at most 300, not pageable).</summary>
    public string? Query { get; set; }

    /// <summary>OKTA_GROUP, APP_GROUP or BUILT_IN.</summary>
    public string? Type { get; set; }
}

/// <summary>Which apps to read: one by id, by label (wildcards), or a list by filter, q or status.</summary>
public sealed class AppQuery
{
    public string? Id { get; set; }

    public string? Label { get; set; }

    /// <summary>Okta's <c>filter</c> (id, status, name, user.id, group.id; eq).</summary>
    public string? Filter { get; set; }

    /// <summary>Okta's <c>q</c>: a starts-with match on name or label.</summary>
    public string? Query { get; set; }

    /// <summary>ACTIVE or INACTIVE.</summary>
    public string? Status { get; set; }
}
