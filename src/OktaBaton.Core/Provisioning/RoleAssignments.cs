using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Provisioning;

/// <summary>Reads a principal's own admin role assignments (GET /users|groups/{id}/roles).</summary>
internal static class RoleAssignments
{
    public static string PathOf(ResolvedPrincipal principal) => "/api/v1/" + principal.ApiPath + "/roles";

    /// <summary>The principal's ACTIVE assignments made to it directly (not inherited through a group).</summary>
    public static async Task<IReadOnlyList<OktaRoleAssignment>> ListOwnAsync(OktaDirectory directory, ResolvedPrincipal principal, Func<OktaRoleAssignment, bool> match, CancellationToken ct)
    {
        var expectedAssignmentType = principal.Type == PrincipalType.User ? "USER" : "GROUP";
        var found = new List<OktaRoleAssignment>();
        await foreach (var assignment in directory.Client.ListAsync<OktaRoleAssignment>(PathOf(principal), ct).ConfigureAwait(false))
        {
            var active = assignment.Status is null || string.Equals(assignment.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase);
            var own = assignment.AssignmentType is null || string.Equals(assignment.AssignmentType, expectedAssignmentType, StringComparison.OrdinalIgnoreCase);
            if (active && own && match(assignment))
            {
                found.Add(assignment);
            }
        }

        return found;
    }
}
