using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta.Models;
using OktaBaton.Core.Sync.Incremental;

namespace OktaBaton.Core.Sync;

/// <summary>
/// The admin role assignments of users and groups, fetched once per sync for both the role and the
/// custom-role syncers: /iam/assignees/users then each admin's /users/{id}/roles, and /groups/{id}/roles
/// for the groups whose stats say they hold admin privilege; and, for assignments Okta can limit (role targets),
/// their targets. Admins are few, so this is held in memory.
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
                var path = $"/api/v1/{pathSegment}/{SyncContext.Escape(id)}/roles";
                var roles = await _context.TryListAsync<OktaRoleAssignment>(path, principal, $"the admin roles of {principalType} {id}", token).ConfigureAwait(false);
                var assignments = new PrincipalAssignments(principal, roles);
                foreach (var assignment in assignments.Own())
                {
                    var scope = await RoleTargets.ReadAsync(_context, principal, path, assignment, token).ConfigureAwait(false);
                    if (scope is not null) assignments.Scopes[assignment.Id] = scope;
                }
                return assignments;
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

    /// <summary>The entitlement types whose grants are written per principal (and so carried per principal).</summary>
    public static IReadOnlyList<string> GrantTypes => RoleTypes;

    /// <summary>
    /// For a refresh: the principal's grants from the earlier file, when the log names no privilege change for it (nor
    /// the loss of a custom role or resource set), and the earlier file has them as one block per role type naming
    /// nothing that is gone (a deleted group drops out of a role's targets without an event). Null: fetch its roles. A
    /// principal without grants in the earlier file is fetched: the file cannot tell "none" from "not an admin then".
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
        var carried = new PrincipalAssignments(principal, refresh.Previous);
        // its roles, and the targets of each role that can be limited to groups or apps
        refresh.Saved(1 + carried.Roles().Count(role => role.ResourceType == ResourceTypes.Role && RoleTargets.AreReadable(role.Resource)));
        return carried;
    }

    /// <summary>The role and custom-role resources the principal's own assignments land on.</summary>
    public IEnumerable<ResourceId> Roles()
    {
        if (_carriedFrom is null) return Own().Select(assignment => StandardRoles.RoleOf(assignment)!);
        return RoleTypes.Select(type => _carriedFrom.GrantsHeldBy(type, Principal))
            .Where(block => block is not null)
            .SelectMany(block => block!.Entitlements)
            .Select(entitlementId => EntitlementIds.Parse(entitlementId).Resource);
    }

    public ResourceId Principal { get; }

    public IReadOnlyList<OktaRoleAssignment>? Assignments { get; }

    /// <summary>Assignment id → its role targets, for the assignments that are limited to some groups or apps.</summary>
    public Dictionary<string, GrantScope> Scopes { get; } = new(System.StringComparer.Ordinal);

    /// <summary>
    /// The assignments made to the principal itself. A user's list also holds those it inherits through its groups
    /// (assignmentType GROUP); they are the group's grants, written once for the group and expanded to its members.
    /// </summary>
    public IEnumerable<OktaRoleAssignment> Own()
    {
        var expectedType = Principal.ResourceType == ResourceTypes.User ? "USER" : "GROUP";
        foreach (var assignment in Assignments ?? new List<OktaRoleAssignment>())
        {
            if (assignment.AssignmentType is not null && !string.Equals(assignment.AssignmentType, expectedType, System.StringComparison.OrdinalIgnoreCase)) continue;
            if (StandardRoles.RoleOf(assignment) is null) continue;
            yield return assignment;
        }
    }

    /// <summary>Writes the grants of the assignments that land on resources of <paramref name="roleResourceType"/>, with their scope.</summary>
    public void WriteGrants(SyncContext context, string roleResourceType)
    {
        if (_carriedFrom is not null)
        {
            if (_carriedFrom.GrantsHeldBy(roleResourceType, Principal) is { } block) _carriedFrom.CarryGrants(block, context.Lane);
            return;
        }
        // the same role can come more than once (a custom role bound to two resource sets): one grant, whose scope is all of them
        var byRole = new Dictionary<string, List<OktaRoleAssignment>>(System.StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var assignment in Own())
        {
            var role = StandardRoles.RoleOf(assignment)!;
            if (role.ResourceType != roleResourceType) continue;
            var entitlementId = EntitlementIds.Create(role, EntitlementSlugs.Assigned);
            if (!byRole.TryGetValue(entitlementId, out var list))
            {
                byRole[entitlementId] = list = new List<OktaRoleAssignment>();
                order.Add(entitlementId);
            }
            list.Add(assignment);
        }
        foreach (var entitlementId in order)
        {
            var scope = ScopeOf(byRole[entitlementId], roleResourceType);
            if (Principal.ResourceType == ResourceTypes.Group) context.WriteGroupGrant(entitlementId, Principal.Resource, scope);
            else context.WriteGrant(entitlementId, Principal, scope: scope);
        }
    }

    /// <summary>
    /// Custom roles: the resource sets they are held over. Standard roles: the union of the assignments' targets, or
    /// null (org-wide) as soon as one assignment is not limited.
    /// </summary>
    private GrantScope? ScopeOf(List<OktaRoleAssignment> assignments, string roleResourceType)
    {
        if (roleResourceType == ResourceTypes.CustomRole)
        {
            var sets = assignments.Select(a => a.ResourceSet).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!)
                .Distinct(System.StringComparer.Ordinal).OrderBy(s => s, System.StringComparer.Ordinal);
            return new GrantScope(resourceSetIds: sets);
        }
        var groups = new List<string>();
        var apps = new List<AppScope>();
        foreach (var assignment in assignments)
        {
            if (!Scopes.TryGetValue(assignment.Id, out var scope)) return null;
            groups.AddRange(scope.GroupIds.Where(g => !groups.Contains(g)));
            apps.AddRange(scope.Apps.Where(a => !apps.Contains(a)));
        }
        return new GrantScope(groups, apps);
    }
}
