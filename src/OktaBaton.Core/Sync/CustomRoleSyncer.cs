using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Sync;

/// <summary>Custom roles and IAM-based standard roles from /api/v1/iam/roles, and who holds them.</summary>
internal sealed class CustomRoleSyncer : IResourceSyncer
{
    public string ResourceType => ResourceTypes.CustomRole;

    public async Task SyncAsync(SyncContext context, CancellationToken ct)
    {
        var roles = await context.TryListAsync<OktaIamRole>("/api/v1/iam/roles", null, "the custom roles", ct, "roles").ConfigureAwait(false);
        foreach (var role in roles ?? new System.Collections.Generic.List<OktaIamRole>())
        {
            var id = new ResourceId(ResourceTypes.CustomRole, role.Id);
            var label = role.Label ?? role.Id;
            context.CustomRoleLabels[role.Id] = label;
            var trait = new PropertyBag().Set("id", role.Id).Set("label", label);
            context.Writer.WriteResource(new Resource(id, label, new PropertyBag().Set("role", trait),
                new PropertyBag().Set("label", label).SetIfPresent("description", role.Description), role.Description));
            context.Writer.WriteEntitlement(new Entitlement(id, EntitlementSlugs.Assigned, $"{label} Role Assignment",
                Entitlement.PermissionPurpose, Entitlement.ToUsersAndGroups, $"Holds the Okta role {label}"));
        }
        context.Report("Custom roles", roles?.Count ?? 0);
        var assignments = await context.AdminAssignments.GetAsync(ct).ConfigureAwait(false);
        foreach (var principal in assignments) principal.WriteGrants(context, ResourceTypes.CustomRole);
    }
}
