using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta.Models;
using OktaBaton.Core.Sync.Incremental;

namespace OktaBaton.Core.Sync;

/// <summary>Apps (ACTIVE only unless SyncInactiveApps), their access entitlement, app users and app groups.</summary>
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
                if (assignments.Carried is { } carried)
                {
                    context.Refresh!.Previous.CarryGrants(carried, context.Lane);
                    context.Refresh.Saved(RefreshState.Pages(carried.Users, UsersPage) + RefreshState.Pages(carried.Groups, GroupsPage));
                    context.Report("App assignments", ++done);
                    return Task.CompletedTask;
                }
                var entitlementId = EntitlementIds.Create(assignments.App, EntitlementSlugs.Access);
                if (assignments.Users is not null) context.WriteUserGrants(entitlementId, assignments.Users);
                foreach (var group in assignments.Groups ?? new List<OktaAppGroup>()) context.WriteGroupGrant(entitlementId, group.Id);
                context.Report("App assignments", ++done);
                return Task.CompletedTask;
            }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// For a refresh: the earlier file's assignments of <paramref name="app"/> (possibly none), when the earlier file has
    /// the app, the log names no assignment change for it, and none of its grants goes to a user or group that is gone.
    /// Null: fetch them.
    /// </summary>
    private static AppAssignments? UnchangedAssignments(SyncContext context, OktaApp app)
    {
        var refresh = context.Refresh;
        if (refresh is null) return null;
        var id = new ResourceId(ResourceTypes.App, app.Id);
        if (refresh.Changes.AppAssignments.Contains(app.Id) || !refresh.Previous.HasResource(id)) return null;
        var block = refresh.Previous.GrantsOf(EntitlementIds.Create(id, EntitlementSlugs.Access));
        if (block is not null && !block.CanCarry) return null;
        return new AppAssignments(id, null, null) { Carried = block ?? new GrantBlock(0) };
    }

    private static async Task<AppAssignments> FetchAssignmentsAsync(SyncContext context, OktaApp app, CancellationToken ct)
    {
        var id = new ResourceId(ResourceTypes.App, app.Id);
        var escaped = SyncContext.Escape(app.Id);
        // includes users assigned through a group (scope GROUP), as the reference connector reports them
        var users = await context.TryListIdsAsync($"/api/v1/apps/{escaped}/users?limit={UsersPage}", id,
            $"the users assigned to app '{app.Label}' ({app.Id})", ct).ConfigureAwait(false);
        var groups = await context.TryListAsync<OktaAppGroup>($"/api/v1/apps/{escaped}/groups?limit={GroupsPage}", id,
            $"the groups assigned to app '{app.Label}' ({app.Id})", ct).ConfigureAwait(false);
        return new AppAssignments(id, users, groups);
    }

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
        public AppAssignments(ResourceId app, List<string>? users, List<OktaAppGroup>? groups)
        {
            App = app;
            Users = users;
            Groups = groups;
        }

        public ResourceId App { get; }

        public List<string>? Users { get; }

        public List<OktaAppGroup>? Groups { get; }

        /// <summary>A refresh's unchanged grants from the earlier file, instead of fetched users and groups.</summary>
        public GrantBlock? Carried { get; set; }
    }
}
