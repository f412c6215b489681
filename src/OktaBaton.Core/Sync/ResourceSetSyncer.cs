using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.Sync;

/// <summary>Resource sets: the scopes custom roles are bound to. No entitlements of their own (bindings have them).</summary>
internal sealed class ResourceSetSyncer : IResourceSyncer
{
    public string ResourceType => ResourceTypes.ResourceSet;

    public async Task SyncAsync(SyncContext context, CancellationToken ct)
    {
        var sets = await context.GetResourceSetsAsync(ct).ConfigureAwait(false);
        foreach (var set in sets)
        {
            var label = set.Label ?? set.Id;
            context.Writer.WriteResource(new Resource(new ResourceId(ResourceTypes.ResourceSet, set.Id), label, null,
                new PropertyBag().Set("label", label).SetIfPresent("description", set.Description), set.Description));
        }
        context.Report("Resource sets", sets.Count);
    }
}
