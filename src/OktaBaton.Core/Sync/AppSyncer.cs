using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;
using OktaBaton.Core.Sync.Incremental;

namespace OktaBaton.Core.Sync;

/// <summary>
/// Apps (ACTIVE only unless SyncInactiveApps), their access entitlement, app users and app groups. A user Okta lists
/// with scope USER holds the app directly: a grant. A user listed with scope GROUP holds it through a group: that
/// access is the group's grant, expanded through the group's members, so it is written only when the file's groups
/// cannot show it (see <see cref="GroupScopedUsers"/>).
/// </summary>
internal sealed class AppSyncer : IResourceSyncer
{
    private const int UsersPage = 500;
    private const int GroupsPage = 200;

    public string ResourceType => ResourceTypes.App;

    public async Task SyncAsync(SyncContext context, CancellationToken ct)
    {
        var url = context.Options.SyncInactiveApps
            ? "/api/v1/apps?limit=200"
            : "/api/v1/apps?limit=200&filter=" + SyncContext.Escape("status eq \"ACTIVE\"");
        long listed = 0, done = 0;
        await OrderedWork<AppAssignments>.RunAsync(context.Client.ListAsync<OktaApp>(url, ct), context.Degree,
            app =>
            {
                WriteResource(context, app);
                context.Report("Apps", ++listed);
                if (UnchangedAssignments(context, app) is { } carried) return _ => Task.FromResult(carried);
                return token => FetchAssignmentsAsync(context, app, token);
            },
            assignments =>
            {
                if (assignments.Carried is { } block)
                {
                    context.Refresh!.Previous.CarryGrants(block, context.Lane);
                    context.Refresh.Saved(RefreshState.Pages(block.Users, UsersPage) + RefreshState.Pages(block.Groups, GroupsPage));
                    context.Report("App assignments", ++done);
                    return Task.CompletedTask;
                }
                var entitlementId = EntitlementIds.Create(assignments.App, EntitlementSlugs.Access);
                if (assignments.DirectUsers is not null) context.WriteUserGrants(entitlementId, assignments.DirectUsers);
                foreach (var group in assignments.Groups ?? new List<OktaAppGroup>()) context.WriteGroupGrant(entitlementId, group.Id);
                GroupScopedUsers.Write(context, entitlementId, assignments.Unexplained);
                if (assignments.Deferred is not null) context.RecordGroupScopedApp(assignments.App, assignments.Deferred);
                context.Report("App assignments", ++done);
                return Task.CompletedTask;
            }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// For a refresh: the earlier file's grants of <paramref name="app"/> (possibly none), when the earlier file has the
    /// app, the log names no assignment or lifecycle change for it, and none of its grants names a user or group that is
    /// gone. Grants to users through groups the file cannot show depend on those groups' members too: such a block is
    /// carried only when no group's members moved. Null: fetch them.
    /// </summary>
    private static AppAssignments? UnchangedAssignments(SyncContext context, OktaApp app)
    {
        var refresh = context.Refresh;
        if (refresh is null) return null;
        var id = new ResourceId(ResourceTypes.App, app.Id);
        var changes = refresh.Changes;
        if (changes.AppAssignments.Contains(app.Id) || !refresh.Previous.HasResource(id)) return null;
        var block = refresh.Previous.GrantsOf(EntitlementIds.Create(id, EntitlementSlugs.Access));
        if (block is not null && !block.CanCarry) return null;
        if (block is { HasInherited: true } && (changes.GroupMembers.Count > 0 || changes.BuiltInGroupMembers)) return null;
        return new AppAssignments(id, null, null, new List<InheritedUser>()) { Carried = block ?? new GrantBlock(0) };
    }

    /// <summary>
    /// After every syncer ran side by side: the apps whose group-scoped users were taken as shown by groups whose
    /// members then proved unreadable are read again, and the users those groups left unshown are written.
    /// </summary>
    public static async Task ReconcileAsync(SyncContext context, CancellationToken ct)
    {
        foreach (var pending in context.GroupScopedApps.ToList())
        {
            if (!pending.GroupIds.Any(context.GroupMembersUnreadable)) continue;
            var users = await ListUsersAsync(context, pending.App, null, ct).ConfigureAwait(false);
            if (users is null) continue;
            var unexplained = await GroupScopedUsers.UnexplainedAsync(context, users.Where(u => u.ThroughGroup).ToList(), pending.GroupIds, ct).ConfigureAwait(false);
            GroupScopedUsers.Write(context, EntitlementIds.Create(pending.App, EntitlementSlugs.Access), unexplained);
        }
    }

    private static async Task<AppAssignments> FetchAssignmentsAsync(SyncContext context, OktaApp app, CancellationToken ct)
    {
        var id = new ResourceId(ResourceTypes.App, app.Id);
        var users = await ListUsersAsync(context, id, app.Label, ct).ConfigureAwait(false);
        var groups = await context.TryListAsync<OktaAppGroup>($"/api/v1/apps/{SyncContext.Escape(app.Id)}/groups?limit={GroupsPage}", id,
            $"the groups assigned to app '{app.Label}' ({app.Id})", ct).ConfigureAwait(false);
        if (users is null) return new AppAssignments(id, null, groups, new List<InheritedUser>());

        var direct = new List<string>(users.Count);
        var throughGroups = new List<AppUserRef>();
        foreach (var user in users)
        {
            if (user.ThroughGroup) throughGroups.Add(user);
            else direct.Add(user.Id);
        }
        var groupIds = groups?.Select(g => g.Id).ToList();
        if (throughGroups.Count > 0 && groupIds is not null && context.GroupMembersMayStillFail)
        {
            // the groups are being synced side by side; should one prove unreadable, ReconcileAsync writes what it hid
            return new AppAssignments(id, direct, groups, new List<InheritedUser>()) { Deferred = groupIds };
        }
        var unexplained = await GroupScopedUsers.UnexplainedAsync(context, throughGroups, groupIds, ct).ConfigureAwait(false);
        return new AppAssignments(id, direct, groups, unexplained);
    }

    private static Task<List<AppUserRef>?> ListUsersAsync(SyncContext context, ResourceId app, string? label, CancellationToken ct) =>
        context.TryListPagesAsync($"/api/v1/apps/{SyncContext.Escape(app.Resource)}/users?limit={UsersPage}", app,
            label is null ? $"the users assigned to app {app.Resource}" : $"the users assigned to app '{label}' ({app.Resource})",
            context.Client.ListAppUserPagesAsync, ct);

    private static void WriteResource(SyncContext context, OktaApp app)
    {
        var id = new ResourceId(ResourceTypes.App, app.Id);
        var label = app.Label ?? app.Name ?? app.Id;
        var profile = new PropertyBag().SetIfPresent("status", app.Status).SetIfPresent("signOnMode", app.SignOnMode);
        var trait = new PropertyBag()
            .SetIfPresent("name", app.Name)
            .SetIfPresent("status", app.Status)
            .SetIfPresent("signOnMode", app.SignOnMode)
            .SetIfPresent("created", app.Created);
        context.Writer.WriteResource(new Resource(id, label, new PropertyBag().Set("app", trait), profile));
        context.Writer.WriteEntitlement(new Entitlement(id, EntitlementSlugs.Access, $"{label} App Access", Entitlement.AssignmentPurpose,
            Entitlement.ToUsersAndGroups, $"Assigned to the Okta app {label}"));
    }

    private sealed class AppAssignments
    {
        public AppAssignments(ResourceId app, List<string>? directUsers, List<OktaAppGroup>? groups, List<InheritedUser> unexplained)
        {
            App = app;
            DirectUsers = directUsers;
            Groups = groups;
            Unexplained = unexplained;
        }

        public ResourceId App { get; }

        /// <summary>The users Okta lists with scope USER; null when the app's users could not be read.</summary>
        public List<string>? DirectUsers { get; }

        public List<OktaAppGroup>? Groups { get; }

        public List<InheritedUser> Unexplained { get; }

        /// <summary>The assigned group ids, when the decision on group-scoped users waits for the groups' sync (<see cref="ReconcileAsync"/>).</summary>
        public List<string>? Deferred { get; set; }

        /// <summary>A refresh's unchanged grants from the earlier file, instead of fetched users and groups.</summary>
        public GrantBlock? Carried { get; set; }
    }
}
