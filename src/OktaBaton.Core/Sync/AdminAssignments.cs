using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta.Models;
using OktaBaton.Core.Sync.Incremental;

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
                if (PrincipalAssignments.Unchanged(_context.Refresh, principal) is { } carried) return carried;
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

/// <summary>
/// A user's or group's role assignments; null when the token could not read them. In a refresh, a principal whose roles
/// did not change carries its grants over from the earlier file instead.
/// </summary>
internal sealed class PrincipalAssignments
{
    private static readonly string[] RoleTypes = { ResourceTypes.Role, ResourceTypes.CustomRole };
    private readonly PreviousSyncFile? _carriedFrom;

    public PrincipalAssignments(ResourceId principal, IReadOnlyList<OktaRoleAssignment>? assignments)
    {
        Principal = principal;
        Assignments = assignments;
    }

    private PrincipalAssignments(ResourceId principal, PreviousSyncFile carriedFrom)
    {
        Principal = principal;
        _carriedFrom = carriedFrom;
    }

    public ResourceId Principal { get; }

    public IReadOnlyList<OktaRoleAssignment>? Assignments { get; }

    /// <summary>The entitlement types whose grants are written per principal (and so carried per principal).</summary>
    public static IReadOnlyList<string> GrantTypes => RoleTypes;

    /// <summary>
    /// For a refresh: the principal's grants from the earlier file, when the log names no privilege change for it (nor
    /// the loss of a custom role or resource set) and the earlier file has its grants as one block per role type. Null:
    /// fetch its roles. A principal without grants in the earlier file is fetched: the file cannot tell "none" from
    /// "not an admin then".
    /// </summary>
    public static PrincipalAssignments? Unchanged(RefreshState? refresh, ResourceId principal)
    {
        if (refresh is null) return null;
        var changes = refresh.Changes;
        if (changes.AnyPrivileges || changes.Privileges.Contains(principal) || changes.Gone.Contains(principal)) return null;
        var any = false;
        foreach (var type in RoleTypes)
        {
            if (refresh.Previous.GrantsHeldBy(type, principal) is not { } block) continue;
            if (!block.CanCarry) return null;
            any = true;
        }
        if (!any) return null;
        refresh.Saved(1);
        return new PrincipalAssignments(principal, refresh.Previous);
    }

    /// <summary>The role and custom-role resources this principal's assignments land on (also those it writes no grant for).</summary>
    public IEnumerable<ResourceId> Roles()
    {
        if (_carriedFrom is not null)
        {
            foreach (var type in RoleTypes)
            {
                if (_carriedFrom.GrantsHeldBy(type, Principal) is not { } block) continue;
                foreach (var entitlementId in block.Entitlements) yield return EntitlementIds.Parse(entitlementId).Resource;
            }
            yield break;
        }
        foreach (var assignment in Assignments ?? new List<OktaRoleAssignment>())
        {
            if (StandardRoles.RoleOf(assignment) is { } role) yield return role;
        }
    }

    /// <summary>Writes the grants of the assignments that land on resources of <paramref name="roleResourceType"/>.</summary>
    public void WriteGrants(SyncContext context, string roleResourceType)
    {
        if (_carriedFrom is not null)
        {
            if (_carriedFrom.GrantsHeldBy(roleResourceType, Principal) is { } block) _carriedFrom.CarryGrants(block, context.Lane);
            return;
        }
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
