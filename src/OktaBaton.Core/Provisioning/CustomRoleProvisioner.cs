using System;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// <c>custom-role:{id}:assigned</c>. Okta grants a custom role only together with a resource set, so a grant
/// asks for the binding entitlement instead; a revoke removes every ACTIVE assignment of that custom role the
/// principal holds directly (whatever the resource set).
/// </summary>
internal sealed class CustomRoleProvisioner : EntitlementProvisioner
{
    public CustomRoleProvisioner(OktaDirectory directory)
        : base(directory)
    {
    }

    public override string ResourceType => EntitlementReference.CustomRoleType;

    public override Task<AccessChange?> GrantAsync(EntitlementReference entitlement, PrincipalReference principal, ChangeConfirmation? confirm, CancellationToken ct) =>
        throw new OktaOperationException("OktaResourceSetRequired", OktaFailureKind.InvalidArgument,
            $"Okta grants a custom role together with a resource set: grant 'resourceset-binding:{{resourceSetId}}:{entitlement.ResourceId}:member' "
            + "(or Grant-OktaRole -CustomRoleId -ResourceSetId) instead of " + entitlement.Id + ".");

    public override async Task<AccessChange?> RevokeAsync(EntitlementReference entitlement, PrincipalReference principal, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var who = await ResolveAsync(principal, ct).ConfigureAwait(false);
        var (own, holding) = await RoleAssignments.HoldingAsync(Directory, who,
            a => string.Equals(a.Type, "CUSTOM", StringComparison.OrdinalIgnoreCase) && string.Equals(a.Role, entitlement.ResourceId, StringComparison.Ordinal),
            ct).ConfigureAwait(false);
        return await RevokeHeldAsync(entitlement, entitlement.ResourceId, $"the custom role {entitlement.ResourceId} (on every resource set)", who.Description, who, holding, confirm,
            async () =>
            {
                foreach (var assignment in own)
                {
                    await Directory.DeleteIfPresentAsync(RoleAssignments.PathOf(who) + "/" + OktaDirectory.Escape(assignment.Id), ct).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
    }
}
