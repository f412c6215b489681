using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;
using OktaBaton.Core.Sync;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// Grants and revokes an admin role limited to some groups or apps (role targets,
/// /users|groups/{id}/roles/{assignmentId}/targets/…). A grant never narrows access already held: a role held org-wide
/// already covers any target. A new assignment is org-wide until its first target is set, so if setting a target fails
/// the assignment is removed again. Removing an assignment's last target would widen it to org-wide, which Okta refuses:
/// a revoke of all its targets unassigns the role.
/// </summary>
internal sealed class RoleTargetChanges
{
    private readonly OktaDirectory _directory;

    /// <summary>Names of the groups and apps met so far (id → name), to describe a scope readably.</summary>
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public RoleTargetChanges(OktaDirectory directory) => _directory = directory;

    /// <summary>The targets resolved to what the assignment's scope lists (group ids; app instances with their catalog name).</summary>
    public async Task<GrantScope> ResolveAsync(string roleType, RoleTargetRequest targets, CancellationToken ct)
    {
        if (targets.GroupIds.Count > 0 && !StandardRoles.TakesGroupTargets(roleType))
        {
            throw Invalid($"{roleType} cannot be limited to groups: only USER_ADMIN, HELP_DESK_ADMIN and GROUP_MEMBERSHIP_ADMIN take group targets.");
        }
        if (targets.AppNames.Count + targets.AppIds.Count > 0 && !StandardRoles.TakesAppTargets(roleType))
        {
            throw Invalid($"{roleType} cannot be limited to apps: only APP_ADMIN takes app targets.");
        }
        var groups = new List<string>();
        foreach (var id in targets.GroupIds)
        {
            var group = await _directory.GetGroupAsync(id, ct).ConfigureAwait(false);
            groups.Add(group.Id);
            _names[group.Id] = group.Profile.Name ?? group.Id;
        }
        var apps = targets.AppNames.Select(name => new AppScope(name, null)).ToList();
        foreach (var id in targets.AppIds)
        {
            var app = await _directory.GetAppAsync(id, ct).ConfigureAwait(false);
            apps.Add(new AppScope(app.Name ?? throw Invalid($"App {app.Id} has no catalog name to target."), app.Id));
            _names[app.Id] = app.Label ?? app.Id;
        }
        return new GrantScope(groups, apps);
    }

    /// <summary>The assignment's current targets (empty: not limited).</summary>
    public async Task<GrantScope> CurrentAsync(string assignmentPath, string roleType, CancellationToken ct)
    {
        var (scope, names) = await RoleTargets.ReadNamedAsync(_directory.Client, assignmentPath, roleType, ct).ConfigureAwait(false);
        foreach (var pair in names) _names[pair.Key] = pair.Value;
        return scope ?? new GrantScope();
    }

    /// <summary>Adds targets one by one (PUT …/targets/groups/{id}, …/targets/catalog/apps/{name}[/{id}]), all idempotent.</summary>
    public async Task AddAsync(string assignmentPath, GrantScope targets, CancellationToken ct)
    {
        foreach (var path in Paths(assignmentPath, targets)) await _directory.Client.SendAsync(HttpMethod.Put, path, null, ct).ConfigureAwait(false);
    }

    /// <summary>Removes targets one by one; a target already gone is fine.</summary>
    public async Task RemoveAsync(string assignmentPath, GrantScope targets, CancellationToken ct)
    {
        foreach (var path in Paths(assignmentPath, targets)) await _directory.DeleteIfPresentAsync(path, ct).ConfigureAwait(false);
    }

    /// <summary>What <paramref name="wanted"/> adds to <paramref name="current"/>.</summary>
    public static GrantScope Missing(GrantScope current, GrantScope wanted) => new(
        wanted.GroupIds.Where(g => !current.GroupIds.Contains(g)),
        wanted.Apps.Where(a => !current.Apps.Contains(a) && !(a.Id is not null && current.Apps.Contains(new AppScope(a.Name, null)))));

    /// <summary>What of <paramref name="wanted"/> the assignment has.</summary>
    public static GrantScope Present(GrantScope current, GrantScope wanted) => new(
        wanted.GroupIds.Where(current.GroupIds.Contains), wanted.Apps.Where(current.Apps.Contains));

    /// <summary>"groups 'Engineering' (00g1), 'Sales' (00g2); apps every 'salesforce' app, 'Slack' (0oa1)"; "org-wide" when empty.</summary>
    public string Describe(GrantScope scope)
    {
        string Named(string id) => "'" + (_names.TryGetValue(id, out var name) ? name : id) + "' (" + id + ")";
        var parts = new List<string>();
        if (scope.GroupIds.Count > 0) parts.Add((scope.GroupIds.Count == 1 ? "group " : "groups ") + string.Join(", ", scope.GroupIds.Select(Named)));
        if (scope.Apps.Count > 0) parts.Add((scope.Apps.Count == 1 ? "app " : "apps ") + string.Join(", ", scope.Apps.Select(a => a.Id is null ? $"every '{a.Name}' app" : Named(a.Id))));
        return parts.Count == 0 ? "org-wide" : string.Join("; ", parts);
    }

    private static IEnumerable<string> Paths(string assignmentPath, GrantScope targets)
    {
        foreach (var group in targets.GroupIds) yield return assignmentPath + "/targets/groups/" + OktaDirectory.Escape(group);
        foreach (var app in targets.Apps)
        {
            yield return assignmentPath + "/targets/catalog/apps/" + OktaDirectory.Escape(app.Name) + (app.Id is null ? "" : "/" + OktaDirectory.Escape(app.Id));
        }
    }

    private static OktaOperationException Invalid(string message) => new("OktaInvalidRoleTarget", OktaFailureKind.InvalidArgument, message);
}
