using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Sync;

/// <summary>One resource type: its Okta calls, its resources, its entitlements and its grants.</summary>
internal interface IResourceSyncer
{
    string ResourceType { get; }

    Task SyncAsync(SyncContext context, CancellationToken ct);
}
