using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Sync;

/// <summary>
/// Reads what an admin role assignment is limited to (Okta's role targets): groups for USER_ADMIN, HELP_DESK_ADMIN
/// and GROUP_MEMBERSHIP_ADMIN, apps for APP_ADMIN. Other role types cannot be limited, so nothing is asked for them.
/// </summary>
internal static class RoleTargets
{
    public static bool AreReadable(string? roleType) => StandardRoles.TakesGroupTargets(roleType) || StandardRoles.TakesAppTargets(roleType);

    /// <summary>
    /// The targets of the assignment at <paramref name="assignmentPath"/> (…/users|groups/{id}/roles/{assignmentId}):
    /// an empty scope when the role is not limited ("If the role isn't scoped to specific group targets, an empty
    /// array [] is returned"), null for role types that take no targets. Okta's errors propagate.
    /// </summary>
    public static async Task<GrantScope?> ReadAsync(OktaClient client, string assignmentPath, string? roleType, CancellationToken ct)
    {
        var (scope, _) = await ReadNamedAsync(client, assignmentPath, roleType, ct).ConfigureAwait(false);
        return scope;
    }

    /// <summary>As <see cref="ReadAsync(OktaClient, string, string?, CancellationToken)"/>, with the target groups' names (group id → name).</summary>
    public static async Task<(GrantScope? Scope, Dictionary<string, string> GroupNames)> ReadNamedAsync(OktaClient client, string assignmentPath, string? roleType, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(System.StringComparer.Ordinal);
        if (StandardRoles.TakesGroupTargets(roleType))
        {
            var groups = new List<string>();
            await foreach (var group in client.ListAsync<OktaGroup>(assignmentPath + "/targets/groups?limit=200", ct).ConfigureAwait(false))
            {
                groups.Add(group.Id);
                names[group.Id] = group.Profile.Name ?? group.Id;
            }
            return (new GrantScope(groups), names);
        }
        if (StandardRoles.TakesAppTargets(roleType))
        {
            var apps = new List<AppScope>();
            await foreach (var app in client.ListAsync<OktaCatalogApp>(assignmentPath + "/targets/catalog/apps?limit=200", ct).ConfigureAwait(false))
            {
                apps.Add(new AppScope(app.Name, app.Id));
            }
            return (new GrantScope(apps: apps), names);
        }
        return (null, names);
    }

    /// <summary>
    /// For the sync: the assignment's targets, or null when it is not limited, cannot be limited, or its targets cannot
    /// be read — then a warning says so and the grant is written as org-wide, which can only overstate the admin's reach.
    /// </summary>
    public static async Task<GrantScope?> ReadAsync(SyncContext context, ResourceId principal, string rolesPath, OktaRoleAssignment assignment, CancellationToken ct)
    {
        if (!AreReadable(assignment.Type)) return null;
        var path = rolesPath + "/" + SyncContext.Escape(assignment.Id);
        try
        {
            var scope = await ReadAsync(context.Client, path, assignment.Type, ct).ConfigureAwait(false);
            return scope is { IsEmpty: false } ? scope : null;
        }
        catch (OktaApiException ex) when (ex.IsPermissionDenied)
        {
            context.Warn(new SyncWarning(SyncWarning.PermissionDenied,
                $"Could not read the role targets of the {assignment.Type} assignment of {principal}: permission denied ({ex.ErrorCode ?? "HTTP " + ex.StatusCode}). "
                + "The grant is written as org-wide, which may overstate it.", principal, path + "/targets", ex.ErrorCode));
            return null;
        }
        catch (OktaApiException ex) when (ex.IsNotFound)
        {
            // unassigned between the listing and this read: the grant was true when listed; its targets are gone with it
            return null;
        }
    }
}
