using System;
using System.Collections.Generic;
using System.Linq;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Lookup;

/// <summary>
/// An admin role held by a user or a group. <see cref="AssignmentType"/> says how it is held (USER: assigned to the
/// user; GROUP: through a group); <see cref="Scope"/> what it reaches (the whole org, or a resource set for custom roles).
/// </summary>
public abstract class OktaRoleAssignmentRecord
{
    private protected OktaRoleAssignmentRecord(OktaRoleAssignment role, RoleReach? reach)
    {
        AssignmentId = role.Id;
        RoleType = role.Type ?? string.Empty;
        Label = role.Label;
        Status = role.Status;
        AssignmentType = role.AssignmentType;
        RoleId = role.Role;
        ResourceSet = role.ResourceSet;
        Scope = reach?.Describe() ?? (role.ResourceSet is null ? "Organization" : "Resource set " + role.ResourceSet);
        ScopeIds = new ValueList(reach?.Scope.TypedIds() ?? Enumerable.Empty<string>());
        Created = role.Created;
        LastUpdated = role.LastUpdated;
    }

    /// <summary>The assignment's id (not the role's).</summary>
    public string AssignmentId { get; }

    /// <summary>SUPER_ADMIN, HELP_DESK_ADMIN, …, or CUSTOM.</summary>
    public string RoleType { get; }

    public string? Label { get; }

    public string? Status { get; }

    /// <summary>USER (held directly), GROUP (through a group) or CLIENT.</summary>
    public string? AssignmentType { get; }

    /// <summary>
    /// For CUSTOM and IAM-based roles: the role's id (cr0…). Named apart from Revoke-OktaRole's -CustomRoleId so a
    /// standard role's empty value never binds to it from the pipeline.
    /// </summary>
    public string? RoleId { get; }

    /// <summary>For CUSTOM roles: the id of the resource set (iam…) the role reaches.</summary>
    public string? ResourceSet { get; }

    /// <summary>
    /// What the role reaches: "Organization", the role targets it is limited to ("Groups 'Engineering' (00g…)",
    /// "Apps slack 0oa…, zoomus (every instance)"), or "Resource set iam…".
    /// </summary>
    public string Scope { get; }

    /// <summary>The role targets as typed ids ("group:00g1", "app:0oa1", "app-catalog:zoomus"); empty when not limited by targets.</summary>
    public ValueList ScopeIds { get; }

    public DateTimeOffset? Created { get; }

    public DateTimeOffset? LastUpdated { get; }
}

/// <summary>A role a user holds; <see cref="UserId"/> and <see cref="OktaRoleAssignmentRecord.RoleType"/> bind to Revoke-OktaRole.</summary>
public sealed class OktaUserRoleAssignment : OktaRoleAssignmentRecord
{
    internal OktaUserRoleAssignment(string userId, OktaRoleAssignment role, RoleReach? reach, string? throughGroupId)
        : base(role, reach)
    {
        UserId = userId;
        ThroughGroupId = throughGroupId;
    }

    public string UserId { get; }

    /// <summary>For an assignment the user inherits (AssignmentType GROUP): the group it comes through.</summary>
    public string? ThroughGroupId { get; }

    public override string ToString() => ThroughGroupId is null
        ? $"{Label ?? RoleType} held by user {UserId} ({AssignmentType})"
        : $"{Label ?? RoleType} held by user {UserId} through group {ThroughGroupId}";
}

/// <summary>A role a group holds (its members inherit it); <see cref="GroupId"/> binds to Revoke-OktaRole.</summary>
public sealed class OktaGroupRoleAssignment : OktaRoleAssignmentRecord
{
    internal OktaGroupRoleAssignment(string groupId, OktaRoleAssignment role, RoleReach? reach)
        : base(role, reach) => GroupId = groupId;

    public string GroupId { get; }

    public override string ToString() => $"{Label ?? RoleType} held by group {GroupId}";
}

/// <summary>The role targets an assignment is limited to, with the target groups' names.</summary>
internal sealed class RoleReach
{
    public RoleReach(GrantScope scope, IReadOnlyDictionary<string, string> groupNames)
    {
        Scope = scope;
        GroupNames = groupNames;
    }

    public GrantScope Scope { get; }

    public IReadOnlyDictionary<string, string> GroupNames { get; }

    public string Describe()
    {
        var parts = new List<string>();
        if (Scope.GroupIds.Count > 0)
        {
            parts.Add("Groups " + string.Join(", ", Scope.GroupIds.Select(id => $"'{(GroupNames.TryGetValue(id, out var name) ? name : id)}' ({id})")));
        }
        if (Scope.Apps.Count > 0)
        {
            parts.Add("Apps " + string.Join(", ", Scope.Apps.Select(a => a.Id is null ? a.Name + " (every instance)" : a.Name + " " + a.Id)));
        }
        return string.Join("; ", parts);
    }
}
