using System;
using System.Collections.Generic;
using System.Linq;

namespace OktaBaton.Core.Model;

/// <summary>
/// What a grant of an admin role is limited to: role targets (groups, apps) of a standard role, or the resource sets a
/// custom role is bound to. A grant without a scope applies org-wide (or, for entitlements that are not roles, has none).
/// </summary>
public sealed class GrantScope
{
    public GrantScope(IEnumerable<string>? groupIds = null, IEnumerable<AppScope>? apps = null, IEnumerable<string>? resourceSetIds = null)
    {
        GroupIds = (groupIds ?? Array.Empty<string>()).ToList();
        Apps = (apps ?? Array.Empty<AppScope>()).ToList();
        ResourceSetIds = (resourceSetIds ?? Array.Empty<string>()).ToList();
    }

    /// <summary>The groups a USER_ADMIN, HELP_DESK_ADMIN or GROUP_MEMBERSHIP_ADMIN assignment is limited to.</summary>
    public IReadOnlyList<string> GroupIds { get; }

    /// <summary>The apps an APP_ADMIN assignment is limited to.</summary>
    public IReadOnlyList<AppScope> Apps { get; }

    /// <summary>The resource sets a custom role is held over.</summary>
    public IReadOnlyList<string> ResourceSetIds { get; }

    public bool IsEmpty => GroupIds.Count == 0 && Apps.Count == 0 && ResourceSetIds.Count == 0;

    /// <summary>Typed ids of everything in scope: "group:00g1", "app:0oa1", "app-catalog:salesforce", "resource-set:iam1".</summary>
    public IEnumerable<string> TypedIds()
    {
        foreach (var id in GroupIds) yield return ResourceTypes.Group + ":" + id;
        foreach (var app in Apps) yield return app.TypedId;
        foreach (var id in ResourceSetIds) yield return ResourceTypes.ResourceSet + ":" + id;
    }
}

/// <summary>An APP_ADMIN target: one app instance (<see cref="Id"/> set) or every instance of a catalog app (<see cref="Name"/> only).</summary>
public sealed class AppScope : IEquatable<AppScope>
{
    public AppScope(string name, string? id)
    {
        Name = name;
        Id = string.IsNullOrEmpty(id) ? null : id;
    }

    /// <summary>The app's catalog name, e.g. "salesforce".</summary>
    public string Name { get; }

    /// <summary>The app instance id (0oa…), or null for every instance of the catalog app.</summary>
    public string? Id { get; }

    /// <summary>"app:0oa1" for an instance, "app-catalog:salesforce" for every instance of a catalog app.</summary>
    public string TypedId => Id is null ? "app-catalog:" + Name : ResourceTypes.App + ":" + Id;

    public bool Equals(AppScope? other) =>
        other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal) && string.Equals(Id, other.Id, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as AppScope);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(TypedId);
}
