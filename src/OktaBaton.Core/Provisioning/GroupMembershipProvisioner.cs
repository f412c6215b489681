using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// <c>group:{id}:member</c> for a user: PUT / DELETE /groups/{g}/users/{u}, on OKTA_GROUP groups only.
/// Revoking a non-member is AlreadyRevoked, never an error.
/// </summary>
internal sealed class GroupMembershipProvisioner : EntitlementProvisioner
{
    public GroupMembershipProvisioner(OktaDirectory directory)
        : base(directory)
    {
    }

    public override string ResourceType => EntitlementReference.GroupType;

    public override Task<AccessChange?> GrantAsync(EntitlementReference entitlement, PrincipalReference principal, ChangeConfirmation? confirm, CancellationToken ct) =>
        ChangeAsync(grant: true, entitlement, principal, confirm, ct);

    public override Task<AccessChange?> RevokeAsync(EntitlementReference entitlement, PrincipalReference principal, ChangeConfirmation? confirm, CancellationToken ct) =>
        ChangeAsync(grant: false, entitlement, principal, confirm, ct);

    internal static void RequireOktaGroup(OktaGroup group, string what)
    {
        if (!string.Equals(group.Type, "OKTA_GROUP", StringComparison.Ordinal))
        {
            throw new OktaOperationException("OktaInvalidGroupType", OktaFailureKind.InvalidOperation,
                $"Cannot {what} {OktaDirectory.Describe(group)}: it is a {group.Type ?? "non-Okta"} group, and Okta only allows this on OKTA_GROUP groups.");
        }
    }

    private async Task<AccessChange?> ChangeAsync(bool grant, EntitlementReference entitlement, PrincipalReference principal, ChangeConfirmation? confirm, CancellationToken ct)
    {
        RequireUser(entitlement, principal);
        var group = await Directory.GetGroupAsync(entitlement.ResourceId, ct).ConfigureAwait(false);
        RequireOktaGroup(group, "change the membership of");
        var user = await ResolveAsync(principal, ct).ConfigureAwait(false);
        var name = group.Profile.Name ?? group.Id;
        var target = OktaDirectory.Describe(group);
        var isMember = await IsMemberAsync(group.Id, user.Id, ct).ConfigureAwait(false);
        // Both calls are idempotent in Okta (204 whether or not the membership existed), so the client may repeat them.
        var path = "/api/v1/groups/" + OktaDirectory.Escape(group.Id) + "/users/" + OktaDirectory.Escape(user.Id);
        if (!grant)
        {
            // Okta groups do not nest: a membership is held directly or not at all
            return await RevokeHeldAsync(entitlement, name, "the membership of " + target, target, user, new Holding(isMember, null, new List<GroupRef>()), confirm,
                () => Directory.Client.SendAsync(HttpMethod.Delete, path, null, ct)).ConfigureAwait(false);
        }

        if (isMember)
        {
            return Result(true, ProvisioningOutcome.AlreadyGranted, entitlement, name, user);
        }

        if (!await confirm.AllowsAsync(target, $"Add {user.Description} as a member").ConfigureAwait(false))
        {
            return null;
        }

        await Directory.Client.SendAsync(HttpMethod.Put, path, null, ct).ConfigureAwait(false);
        return Result(true, ProvisioningOutcome.Granted, entitlement, name, user);
    }

    /// <summary>
    /// Looks through the user's groups rather than the group's members (possibly huge). Okta's listUserGroups takes
    /// no paging parameters (its spec declares none); a next link, should one come, is still followed.
    /// </summary>
    private async Task<bool> IsMemberAsync(string groupId, string userId, CancellationToken ct)
    {
        var path = "/api/v1/users/" + OktaDirectory.Escape(userId) + "/groups";
        await foreach (var group in Directory.Client.ListAsync<OktaGroup>(path, ct).ConfigureAwait(false))
        {
            if (PrincipalReference.SameId(group.Id, groupId))
            {
                return true;
            }
        }

        return false;
    }
}
