using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Sync;

/// <summary>
/// The admin role assignments of users and groups, fetched once per sync for both the role and the
/// custom-role syncers: /iam/assignees/users then each admin's /users/{id}/roles, and /groups/{id}/roles
/// for the groups whose stats say they hold admin privilege. Admins are few, so this is held in memory.
/// </summary>
internal sealed class AdminAssignments
{
    private readonly SyncContext _context;
    private readonly object _gate = new();
    private Task<IReadOnlyList<PrincipalAssignments>>? _loading;

    public AdminAssignments(SyncContext context) => _context = context;

    public Task<IReadOnlyList<PrincipalAssignments>> GetAsync(CancellationToken ct)
    {
        lock (_gate) return _loading ??= LoadAsync(ct);
    }

    private async Task<IReadOnlyList<PrincipalAssignments>> LoadAsync(CancellationToken ct)
    {
        var result = new List<PrincipalAssignments>();
        var admins = await _context.TryListAsync<OktaAssignee>("/api/v1/iam/assignees/users?limit=100", null,
            "the list of users that hold admin roles", ct, "value").ConfigureAwait(false) ?? new List<OktaAssignee>();
        var userIds = new List<string>();
        foreach (var admin in admins)
        {
            if (_context.Users.KeepsUserId(admin.Id)) userIds.Add(admin.Id);
        }
        await FetchRolesAsync(ResourceTypes.User, "users", userIds, result, ct).ConfigureAwait(false);

        var groupIds = _context.AdminGroupCandidates ?? await GroupSyncer.ListAdminCandidatesAsync(_context, ct).ConfigureAwait(false);
        await FetchRolesAsync(ResourceTypes.Group, "groups", groupIds, result, ct).ConfigureAwait(false);
        return result;
    }

    private async Task FetchRolesAsync(string principalType, string pathSegment, IReadOnlyList<string> ids, List<PrincipalAssignments> result, CancellationToken ct)
    {
        long done = 0;
        var phase = principalType == ResourceTypes.User ? "Admin roles of users" : "Admin roles of groups";
        await OrderedWork<PrincipalAssignments>.RunAsync(AsyncSequence.From(ids), _context.Degree,
            id => async token =>
            {
                var principal = new ResourceId(principalType, id);
                var roles = await _context.TryListAsync<OktaRoleAssignment>($"/api/v1/{pathSegment}/{SyncContext.Escape(id)}/roles", principal,
                    $"the admin roles of {principalType} {id}", token).ConfigureAwait(false);
                return new PrincipalAssignments(principal, roles);
            },
            assignments =>
            {
                result.Add(assignments);
                _context.Report(phase, ++done, ids.Count);
                return Task.CompletedTask;
            }, ct).ConfigureAwait(false);
    }
}

/// <summary>A user's or group's role assignments; null when the token could not read them.</summary>
internal sealed class PrincipalAssignments
{
    public PrincipalAssignments(ResourceId principal, IReadOnlyList<OktaRoleAssignment>? assignments)
    {
        Principal = principal;
        Assignments = assignments;
    }

    public ResourceId Principal { get; }

    public IReadOnlyList<OktaRoleAssignment>? Assignments { get; }

    /// <summary>Writes the grants of the assignments that land on resources of <paramref name="roleResourceType"/>.</summary>
    public void WriteGrants(SyncContext context, string roleResourceType)
    {
        if (Assignments is null) return;
        var written = new HashSet<string>(System.StringComparer.Ordinal);
        var expectedType = Principal.ResourceType == ResourceTypes.User ? "USER" : "GROUP";
        foreach (var assignment in Assignments)
        {
            if (assignment.AssignmentType is not null && !string.Equals(assignment.AssignmentType, expectedType, System.StringComparison.OrdinalIgnoreCase)) continue;
            var role = StandardRoles.RoleOf(assignment);
            if (role is null || role.ResourceType != roleResourceType) continue;
            var entitlementId = EntitlementIds.Create(role, EntitlementSlugs.Assigned);
            // the same role can come twice (e.g. bound to two resource sets): one grant
            if (!written.Add(entitlementId)) continue;
            if (Principal.ResourceType == ResourceTypes.Group) context.WriteGroupGrant(entitlementId, Principal.Resource);
            else context.WriteGrant(entitlementId, Principal);
        }
    }
}
