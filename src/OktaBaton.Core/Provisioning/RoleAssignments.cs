using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta.Models;
using OktaBaton.Core.Sync;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// Reads a principal's admin role assignments (GET /users|groups/{id}/roles). A user's list holds both the assignments
/// made to the user (assignmentType USER) and those it inherits through its groups (assignmentType GROUP, the group as
/// assignee: spec examples StandardRolesListResponse, StandardAndCustomRolesListResponse).
/// </summary>
internal static class RoleAssignments
{
    public static string PathOf(ResolvedPrincipal principal) => "/api/v1/" + principal.ApiPath + "/roles";

    /// <summary>The principal's ACTIVE assignments made to it directly (not inherited through a group).</summary>
    public static async Task<IReadOnlyList<OktaRoleAssignment>> ListOwnAsync(OktaDirectory directory, ResolvedPrincipal principal, Func<OktaRoleAssignment, bool> match, CancellationToken ct)
    {
        var (own, _) = await ListAsync(directory, principal, match, ct).ConfigureAwait(false);
        return own;
    }

    /// <summary>
    /// How the principal holds the role <paramref name="match"/> picks: its own ACTIVE assignments, and the groups it
    /// inherits one through (named from the user's groups).
    /// </summary>
    public static async Task<(IReadOnlyList<OktaRoleAssignment> Own, Holding Holding)> HoldingAsync(OktaDirectory directory, ResolvedPrincipal principal,
        Func<OktaRoleAssignment, bool> match, CancellationToken ct)
    {
        var (own, inherited) = await ListAsync(directory, principal, match, ct).ConfigureAwait(false);
        var groupIds = inherited.Select(GroupIdOf).Where(id => id is not null).Select(id => id!).Distinct(StringComparer.Ordinal).ToList();
        var groups = new List<GroupRef>();
        if (groupIds.Count > 0)
        {
            var names = await directory.GroupsOfUserAsync(principal.Id, ct).ConfigureAwait(false);
            groups.AddRange(groupIds.Select(id => names.TryGetValue(id, out var named) ? named : new GroupRef(id, null)));
        }

        var holding = new Holding(own.Count > 0, own.FirstOrDefault()?.Id, groups, throughUnnamedGroup: inherited.Count > 0);
        return (own, holding);
    }

    private static async Task<(List<OktaRoleAssignment> Own, List<OktaRoleAssignment> Inherited)> ListAsync(OktaDirectory directory, ResolvedPrincipal principal,
        Func<OktaRoleAssignment, bool> match, CancellationToken ct)
    {
        var ownType = principal.Type == PrincipalType.User ? "USER" : "GROUP";
        var own = new List<OktaRoleAssignment>();
        var inherited = new List<OktaRoleAssignment>();
        await foreach (var assignment in directory.Client.ListAsync<OktaRoleAssignment>(PathOf(principal), ct).ConfigureAwait(false))
        {
            var active = assignment.Status is null || string.Equals(assignment.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase);
            if (!active || !match(assignment))
            {
                continue;
            }

            if (assignment.AssignmentType is null || string.Equals(assignment.AssignmentType, ownType, StringComparison.OrdinalIgnoreCase))
            {
                own.Add(assignment);
            }
            else if (principal.Type == PrincipalType.User && string.Equals(assignment.AssignmentType, "GROUP", StringComparison.OrdinalIgnoreCase))
            {
                inherited.Add(assignment);
            }
        }

        return (own, inherited);
    }

    /// <summary>The group an inherited assignment comes through: the last segment of its assignee href (…/api/v1/groups/{id}).</summary>
    private static string? GroupIdOf(OktaRoleAssignment assignment) =>
        ResourceSetBindingSyncer.PrincipalFromHref(assignment.AssigneeHref) is { ResourceType: Model.ResourceTypes.Group } group ? group.Resource : null;
}
