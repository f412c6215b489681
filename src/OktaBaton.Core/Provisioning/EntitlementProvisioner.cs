using System;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Provisioning;

/// <summary>What every provisioner shares: principal lookup, confirmation, result building.</summary>
internal abstract class EntitlementProvisioner : IEntitlementProvisioner
{
    protected EntitlementProvisioner(OktaDirectory directory)
    {
        Directory = directory;
    }

    public abstract string ResourceType { get; }

    protected OktaDirectory Directory { get; }

    public abstract Task<AccessChange?> GrantAsync(EntitlementReference entitlement, PrincipalReference principal, ChangeConfirmation? confirm, CancellationToken ct);

    public abstract Task<AccessChange?> RevokeAsync(EntitlementReference entitlement, PrincipalReference principal, ChangeConfirmation? confirm, CancellationToken ct);

    protected async Task<ResolvedPrincipal> ResolveAsync(PrincipalReference principal, CancellationToken ct)
    {
        if (principal.Type == PrincipalType.User)
        {
            var user = await Directory.GetUserAsync(principal.Id, ct).ConfigureAwait(false);
            var login = user.Profile.Login ?? user.Profile.Email;
            return new ResolvedPrincipal(PrincipalType.User, user.Id, login ?? user.Id, OktaDirectory.Describe(user), login);
        }

        var group = await Directory.GetGroupAsync(principal.Id, ct).ConfigureAwait(false);
        return new ResolvedPrincipal(PrincipalType.Group, group.Id, group.Profile.Name ?? group.Id, OktaDirectory.Describe(group), null);
    }

    protected static void RequireUser(EntitlementReference entitlement, PrincipalReference principal)
    {
        if (principal.Type != PrincipalType.User)
        {
            throw new OktaOperationException("OktaInvalidPrincipal", OktaFailureKind.InvalidArgument,
                $"{entitlement.Id} can only be granted to a user, not to a {PrincipalReference.TypeName(principal.Type)}.");
        }
    }


    protected static string GrantAction(EntitlementReference entitlement, ResolvedPrincipal principal) =>
        $"Grant {entitlement.Id} to {principal.Description}";

    protected static string RevokeAction(EntitlementReference entitlement, ResolvedPrincipal principal) =>
        $"Revoke {entitlement.Id} from {principal.Description}";

    protected static AccessChange Result(bool grant, ProvisioningOutcome outcome, EntitlementReference entitlement,
        string resourceName, ResolvedPrincipal principal, string? assignmentId = null) => new()
    {
        Operation = grant ? "Grant" : "Revoke",
        OutcomeKind = outcome,
        EntitlementId = entitlement.Id,
        ResourceType = entitlement.ResourceType,
        ResourceId = entitlement.ResourceId,
        ResourceName = resourceName,
        PrincipalType = principal.TypeName,
        PrincipalId = principal.Id,
        PrincipalName = principal.Name,
        GrantId = entitlement.Id + ":" + principal.TypeName + ":" + principal.Id,
        AssignmentId = assignmentId,
    };

    protected static bool IsConflict(Exception failure) => failure is Okta.OktaApiException { IsConflict: true };

    /// <summary>
    /// The revoke decision every kind shares, made from what the principal holds right now and reported the same way
    /// under -WhatIf: nothing held → AlreadyRevoked (no write); held only through groups → OktaAssignedThroughGroup
    /// naming them (no write); held directly → the direct assignment is removed (after confirmation) → Revoked, with a
    /// warning when the access remains through groups. <paramref name="removeDirect"/> reports Revoked even when its
    /// write's answer was lost and a repeat found nothing left: the assignment was there a moment before.
    /// </summary>
    protected static async Task<AccessChange?> RevokeHeldAsync(EntitlementReference entitlement, string resourceName, string what, string target,
        ResolvedPrincipal who, Holding holding, ChangeConfirmation? confirm, Func<Task> removeDirect)
    {
        if (holding.Nothing)
        {
            return Result(false, ProvisioningOutcome.AlreadyRevoked, entitlement, resourceName, who);
        }

        if (!holding.Direct)
        {
            throw OktaAssignedThroughGroupException.For(entitlement, what, who, holding);
        }

        var action = holding.ThroughAnyGroup
            ? $"Remove the direct assignment of {what} from {who.Description}; it remains held through {holding.DescribeGroups()}"
            : $"Remove {what} from {who.Description}";
        if (!await confirm.AllowsAsync(target, action).ConfigureAwait(false))
        {
            return null;
        }

        await removeDirect().ConfigureAwait(false);
        var result = Result(false, ProvisioningOutcome.Revoked, entitlement, resourceName, who, holding.DirectId);
        if (holding.ThroughAnyGroup)
        {
            result.StillHeldThrough = holding.DescribeGroups();
            result.Warnings = new[]
            {
                $"The direct assignment was removed, but {who.Description} still holds {what} through {holding.DescribeGroups()}.",
            };
        }

        return result;
    }
}
