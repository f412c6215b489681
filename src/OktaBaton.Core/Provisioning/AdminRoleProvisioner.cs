using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// <c>role:{type}:assigned</c> to a user or a group: POST /users|groups/{id}/roles {"type"} (409 E0000090 →
/// AlreadyGranted); revoke deletes the principal's ACTIVE assignment of that type.
/// </summary>
internal sealed class AdminRoleProvisioner : EntitlementProvisioner
{
    public AdminRoleProvisioner(OktaDirectory directory)
        : base(directory)
    {
    }

    public override string ResourceType => EntitlementReference.RoleType;

    public override async Task<AccessChange?> GrantAsync(EntitlementReference entitlement, PrincipalReference principal, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var roleType = AdminRoleTypes.Normalize(entitlement.ResourceId);
        entitlement = EntitlementReference.Role(roleType);
        var who = await ResolveAsync(principal, ct).ConfigureAwait(false);
        if (!await confirm.AllowsAsync(who.Description, $"Assign the admin role {roleType}").ConfigureAwait(false))
        {
            return null;
        }

        var existing = await FindAsync(who, roleType, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            return Result(true, ProvisioningOutcome.AlreadyGranted, entitlement, roleType, who, existing);
        }

        try
        {
            var assignmentId = await WriteSafety.WriteOnceAsync(
                async () =>
                {
                    var created = await Directory.Client.SendAsync<OktaRoleAssignment>(HttpMethod.Post, RoleAssignments.PathOf(who), new { type = roleType }, ct).ConfigureAwait(false);
                    return created.Id;
                },
                () => FindAsync(who, roleType, ct),
                ct).ConfigureAwait(false);
            return Result(true, ProvisioningOutcome.Granted, entitlement, roleType, who, assignmentId);
        }
        catch (Exception conflict) when (IsConflict(conflict))
        {
            return Result(true, ProvisioningOutcome.AlreadyGranted, entitlement, roleType, who);
        }
    }

    public override async Task<AccessChange?> RevokeAsync(EntitlementReference entitlement, PrincipalReference principal, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var roleType = AdminRoleTypes.Normalize(entitlement.ResourceId);
        entitlement = EntitlementReference.Role(roleType);
        var who = await ResolveAsync(principal, ct).ConfigureAwait(false);
        if (!await confirm.AllowsAsync(who.Description, $"Unassign the admin role {roleType}").ConfigureAwait(false))
        {
            return null;
        }

        var assignmentId = await FindAsync(who, roleType, ct).ConfigureAwait(false);
        if (assignmentId is null)
        {
            return Result(false, ProvisioningOutcome.AlreadyRevoked, entitlement, roleType, who);
        }

        var removed = await Directory.DeleteIfPresentAsync(RoleAssignments.PathOf(who) + "/" + OktaDirectory.Escape(assignmentId), ct).ConfigureAwait(false);
        return Result(false, removed ? ProvisioningOutcome.Revoked : ProvisioningOutcome.AlreadyRevoked, entitlement, roleType, who, assignmentId);
    }

    private async Task<string?> FindAsync(ResolvedPrincipal who, string roleType, CancellationToken ct)
    {
        var matches = await RoleAssignments.ListOwnAsync(Directory, who,
            a => string.Equals(a.Type, roleType, StringComparison.OrdinalIgnoreCase), ct).ConfigureAwait(false);
        return matches.FirstOrDefault()?.Id;
    }
}
