using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Sync;

/// <summary>Apps (ACTIVE only unless SyncInactiveApps), their access entitlement, app users and app groups.</summary>
internal sealed class AppSyncer : IResourceSyncer
{
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
                return token => FetchAssignmentsAsync(context, app, token);
            },
            assignments =>
            {
                var entitlementId = EntitlementIds.Create(assignments.App, EntitlementSlugs.Access);
                if (assignments.Users is not null) context.WriteUserGrants(entitlementId, assignments.Users);
                foreach (var group in assignments.Groups ?? new List<OktaAppGroup>()) context.WriteGroupGrant(entitlementId, group.Id);
                context.Report("App assignments", ++done);
                return Task.CompletedTask;
            }, ct).ConfigureAwait(false);
    }

    private static async Task<AppAssignments> FetchAssignmentsAsync(SyncContext context, OktaApp app, CancellationToken ct)
    {
        var id = new ResourceId(ResourceTypes.App, app.Id);
        var escaped = SyncContext.Escape(app.Id);
        // includes users assigned through a group (scope GROUP), as the reference connector reports them
        var users = await context.TryListIdsAsync($"/api/v1/apps/{escaped}/users?limit=500", id,
            $"the users assigned to app '{app.Label}' ({app.Id})", ct).ConfigureAwait(false);
        var groups = await context.TryListAsync<OktaAppGroup>($"/api/v1/apps/{escaped}/groups?limit=200", id,
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
    }
}
