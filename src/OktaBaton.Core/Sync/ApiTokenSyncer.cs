using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Sync;

/// <summary>API tokens as secrets: metadata only (Okta never lists token values). An absent expiresAt is fine.</summary>
internal sealed class ApiTokenSyncer : IResourceSyncer
{
    public string ResourceType => ResourceTypes.ApiToken;

    public async Task SyncAsync(SyncContext context, CancellationToken ct)
    {
        var tokens = await context.TryListAsync<OktaApiToken>("/api/v1/api-tokens", null, "the API tokens", ct).ConfigureAwait(false);
        foreach (var token in tokens ?? new System.Collections.Generic.List<OktaApiToken>())
        {
            var owner = token.UserId is null ? null : new PropertyBag().Set("resourceType", ResourceTypes.User).Set("resource", token.UserId);
            var trait = new PropertyBag()
                .SetIfPresent("owner", owner)
                .SetIfPresent("created", token.Created)
                .SetIfPresent("lastUpdated", token.LastUpdated)
                .SetIfPresent("expiresAt", token.ExpiresAt);
            var profile = new PropertyBag()
                .SetIfPresent("name", token.Name)
                .SetIfPresent("userId", token.UserId)
                .SetIfPresent("clientName", token.ClientName)
                .SetIfPresent("tokenWindow", token.TokenWindow)
                .SetIfPresent("networkConnection", token.Network?.Connection)
                .SetIfPresent("created", token.Created)
                .SetIfPresent("lastUpdated", token.LastUpdated)
                .SetIfPresent("expiresAt", token.ExpiresAt);
            context.Writer.WriteResource(new Resource(new ResourceId(ResourceTypes.ApiToken, token.Id), token.Name ?? token.Id,
                new PropertyBag().Set("secret", trait), profile));
        }
        context.Report("API tokens", tokens?.Count ?? 0);
    }
}
