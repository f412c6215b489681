using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Sync;

/// <summary>
/// Bindings of a custom role to a resource set (id "{resourceSetId}:{customRoleId}"), and their members,
/// users or groups, parsed from each member's href.
/// </summary>
internal sealed class ResourceSetBindingSyncer : IResourceSyncer
{
    public string ResourceType => ResourceTypes.ResourceSetBinding;

    public async Task SyncAsync(SyncContext context, CancellationToken ct)
    {
        var sets = await context.GetResourceSetsAsync(ct).ConfigureAwait(false);
        long done = 0;
        await OrderedWork<List<BindingMembers>>.RunAsync(AsyncSequence.From(sets), context.Degree,
            set => token => FetchBindingsAsync(context, set, token),
            bindings =>
            {
                foreach (var binding in bindings) Write(context, binding);
                context.Report("Resource set bindings", ++done, sets.Count);
                return Task.CompletedTask;
            }, ct).ConfigureAwait(false);
    }

    private static async Task<List<BindingMembers>> FetchBindingsAsync(SyncContext context, OktaResourceSet set, CancellationToken ct)
    {
        var result = new List<BindingMembers>();
        var setPath = $"/api/v1/iam/resource-sets/{SyncContext.Escape(set.Id)}/bindings";
        var bindings = await context.TryListAsync<OktaResourceSetBinding>(setPath, new ResourceId(ResourceTypes.ResourceSet, set.Id),
            $"the bindings of resource set '{set.Label}' ({set.Id})", ct, "roles").ConfigureAwait(false);
        foreach (var binding in bindings ?? new List<OktaResourceSetBinding>())
        {
            var id = new ResourceId(ResourceTypes.ResourceSetBinding, set.Id + ":" + binding.Id);
            var members = await context.TryListAsync<OktaBindingMember>($"{setPath}/{SyncContext.Escape(binding.Id)}/members", id,
                $"the members of the binding of role {binding.Id} to resource set '{set.Label}'", ct, "members").ConfigureAwait(false);
            result.Add(new BindingMembers(set, binding.Id, id, members));
        }
        return result;
    }

    private static void Write(SyncContext context, BindingMembers binding)
    {
        var roleLabel = context.CustomRoleLabels.TryGetValue(binding.RoleId, out var known) ? known : binding.RoleId;
        var name = $"{binding.Set.Label ?? binding.Set.Id} / {roleLabel}";
        context.Writer.WriteResource(new Resource(binding.Id, name, null,
            new PropertyBag().Set("resourceSet", binding.Set.Id).Set("role", binding.RoleId)));
        var entitlement = new Entitlement(binding.Id, EntitlementSlugs.Member, $"{name} Binding Member", Entitlement.PermissionPurpose,
            Entitlement.ToUsersAndGroups, $"Holds role {roleLabel} on resource set {binding.Set.Label ?? binding.Set.Id}");
        context.Writer.WriteEntitlement(entitlement);
        foreach (var member in binding.Members ?? new List<OktaBindingMember>())
        {
            var principal = PrincipalFromHref(member.Href);
            if (principal is null) continue;
            if (principal.ResourceType == ResourceTypes.Group) context.WriteGroupGrant(entitlement.Id, principal.Resource);
            else context.WriteGrant(entitlement.Id, principal);
        }
    }

    /// <summary>".../api/v1/users/00u1" → {user, 00u1}; ".../api/v1/groups/00g1" → {group, 00g1}; anything else → null.</summary>
    internal static ResourceId? PrincipalFromHref(string? href)
    {
        if (string.IsNullOrEmpty(href) || !Uri.TryCreate(href, UriKind.Absolute, out var uri)) return null;
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (segments.Length < 2) return null;
        var id = Uri.UnescapeDataString(segments[segments.Length - 1]);
        return segments[segments.Length - 2] switch
        {
            "users" => new ResourceId(ResourceTypes.User, id),
            "groups" => new ResourceId(ResourceTypes.Group, id),
            _ => null,
        };
    }

    private sealed class BindingMembers
    {
        public BindingMembers(OktaResourceSet set, string roleId, ResourceId id, List<OktaBindingMember>? members)
        {
            Set = set;
            RoleId = roleId;
            Id = id;
            Members = members;
        }

        public OktaResourceSet Set { get; }

        public string RoleId { get; }

        public ResourceId Id { get; }

        public List<OktaBindingMember>? Members { get; }
    }
}
