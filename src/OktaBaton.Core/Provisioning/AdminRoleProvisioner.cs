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
        var existing = await FindAsync(who, roleType, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            return Result(true, ProvisioningOutcome.AlreadyGranted, entitlement, roleType, who, existing);
        }

        if (!await confirm.AllowsAsync(who.Description, $"Assign the admin role {roleType}").ConfigureAwait(false))
        {
            return null;
        }

        try
        {
            var assignmentId = await WriteSafety.WriteOnceAsync(
                async () =>
                {
                    // a user's assignment comes back as 201 with the assignment; a group's as 200 with it, or a 201 without content
                    var created = await Directory.Client.SendWriteAsync<OktaRoleAssignment>(HttpMethod.Post, RoleAssignments.PathOf(who), new { type = roleType }, ct).ConfigureAwait(false);
                    return string.IsNullOrEmpty(created?.Id) ? await FindAsync(who, roleType, ct).ConfigureAwait(false) ?? string.Empty : created!.Id;
                },
                () => FindAsync(who, roleType, ct),
                ct).ConfigureAwait(false);
            return Result(true, ProvisioningOutcome.Granted, entitlement, roleType, who, assignmentId.Length == 0 ? null : assignmentId);
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
        var (_, holding) = await RoleAssignments.HoldingAsync(Directory, who, a => IsType(a, roleType), ct).ConfigureAwait(false);
        return await RevokeHeldAsync(entitlement, roleType, "the admin role " + roleType, who.Description, who, holding, confirm,
            () => Directory.DeleteIfPresentAsync(RoleAssignments.PathOf(who) + "/" + OktaDirectory.Escape(holding.DirectId ?? string.Empty), ct)).ConfigureAwait(false);
    }

    private static bool IsType(OktaRoleAssignment assignment, string roleType) => string.Equals(assignment.Type, roleType, StringComparison.OrdinalIgnoreCase);

    private async Task<string?> FindAsync(ResolvedPrincipal who, string roleType, CancellationToken ct)
    {
        var matches = await RoleAssignments.ListOwnAsync(Directory, who, a => IsType(a, roleType), ct).ConfigureAwait(false);
        return matches.FirstOrDefault()?.Id;
    }
}
