using System;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Lookup;

/// <summary>
/// An admin role held by a user or a group. <see cref="AssignmentType"/> says how it is held (USER: assigned to the
/// user; GROUP: through a group); <see cref="Scope"/> what it reaches (the whole org, or a resource set for custom roles).
/// </summary>
public abstract class OktaRoleAssignmentRecord
{
    private protected OktaRoleAssignmentRecord(OktaRoleAssignment role)
    {
        AssignmentId = role.Id;
        RoleType = role.Type ?? string.Empty;
        Label = role.Label;
        Status = role.Status;
        AssignmentType = role.AssignmentType;
        RoleId = role.Role;
        ResourceSet = role.ResourceSet;
        Scope = role.ResourceSet is null ? "Organization" : "Resource set " + role.ResourceSet;
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

    /// <summary>What the role reaches: "Organization" or "Resource set iam…".</summary>
    public string Scope { get; }

    public DateTimeOffset? Created { get; }

    public DateTimeOffset? LastUpdated { get; }
}

/// <summary>A role a user holds; <see cref="UserId"/> and <see cref="OktaRoleAssignmentRecord.RoleType"/> bind to Revoke-OktaRole.</summary>
public sealed class OktaUserRoleAssignment : OktaRoleAssignmentRecord
{
    internal OktaUserRoleAssignment(string userId, OktaRoleAssignment role)
        : base(role) => UserId = userId;

    public string UserId { get; }

    public override string ToString() => $"{Label ?? RoleType} held by user {UserId} ({AssignmentType})";
}

/// <summary>A role a group holds (its members inherit it); <see cref="GroupId"/> binds to Revoke-OktaRole.</summary>
public sealed class OktaGroupRoleAssignment : OktaRoleAssignmentRecord
{
    internal OktaGroupRoleAssignment(string groupId, OktaRoleAssignment role)
        : base(role) => GroupId = groupId;

    public string GroupId { get; }

    public override string ToString() => $"{Label ?? RoleType} held by group {GroupId}";
}
