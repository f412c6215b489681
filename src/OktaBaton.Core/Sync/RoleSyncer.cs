using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.Sync;

/// <summary>Standard admin roles (id = role type) and who holds them, directly or through a group.</summary>
internal sealed class RoleSyncer : IResourceSyncer
{
    public string ResourceType => ResourceTypes.Role;

    public async Task SyncAsync(SyncContext context, CancellationToken ct)
    {
        var assignments = await context.AdminAssignments.GetAsync(ct).ConfigureAwait(false);
        var labels = StandardRoles.Labels.ToList();
        // a type Okta added after this list was written still gets a resource, so its grants are never dangling
        var extra = assignments.SelectMany(p => p.Roles())
            .Where(role => role.ResourceType == ResourceTypes.Role && !labels.Any(l => l.Key == role.Resource))
            .Select(role => role.Resource)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(type => type, StringComparer.Ordinal);
        labels.AddRange(extra.Select(type => new KeyValuePair<string, string>(type, type)));

        foreach (var pair in labels)
        {
            var id = new ResourceId(ResourceTypes.Role, pair.Key);
            context.Writer.WriteResource(new Resource(id, pair.Value,
                new PropertyBag().Set("role", new PropertyBag().Set("type", pair.Key)), new PropertyBag().Set("type", pair.Key)));
            context.Writer.WriteEntitlement(new Entitlement(id, EntitlementSlugs.Assigned, $"{pair.Value} Role Assignment",
                Entitlement.PermissionPurpose, Entitlement.ToUsersAndGroups, $"Holds the Okta admin role {pair.Value}"));
        }
        foreach (var principal in assignments) principal.WriteGrants(context, ResourceTypes.Role);
    }
}
