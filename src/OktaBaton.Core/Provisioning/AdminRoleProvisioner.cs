using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta.Models;
using OktaBaton.Core.Sync;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// <c>role:{type}:assigned</c> to a user or a group: POST /users|groups/{id}/roles {"type"} (409 E0000090 →
/// AlreadyGranted); revoke deletes the principal's ACTIVE assignment of that type.
/// </summary>
internal sealed class AdminRoleProvisioner : EntitlementProvisioner
{
    private readonly RoleTargetChanges _targets;

    public AdminRoleProvisioner(OktaDirectory directory)
        : base(directory)
    {
        _targets = new RoleTargetChanges(directory);
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
            var held = Result(true, ProvisioningOutcome.AlreadyGranted, entitlement, roleType, who, existing);
            if (RoleTargets.AreReadable(roleType))
            {
                var current = await _targets.CurrentAsync(AssignmentPath(who, existing), roleType, ct).ConfigureAwait(false);
                held.Scope = _targets.Describe(current);
                if (!current.IsEmpty)
                {
                    held.Warnings = new[] { $"{who.Description} holds {roleType} limited to {held.Scope}, not org-wide; nothing was changed. To make it org-wide, revoke it and grant it again." };
                }
            }

            return held;
        }

        if (!await confirm.AllowsAsync(who.Description, $"Assign the admin role {roleType}").ConfigureAwait(false))
        {
            return null;
        }

        var result = await AssignAsync(entitlement, roleType, who, ct).ConfigureAwait(false);
        if (RoleTargets.AreReadable(roleType) && result.OutcomeKind == ProvisioningOutcome.Granted)
        {
            result.Scope = "org-wide";
        }

        return result;
    }

    /// <summary>POST …/roles {"type"}, safe to repeat after a lost answer; 409 E0000090 (assigned meanwhile) is AlreadyGranted.</summary>
    private async Task<AccessChange> AssignAsync(EntitlementReference entitlement, string roleType, ResolvedPrincipal who, CancellationToken ct)
    {
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

    /// <summary>
    /// Grants <paramref name="roleType"/> limited to <paramref name="targets"/>: assigns it and sets the targets, or adds
    /// the targets an assignment lacks. A role held org-wide already covers them (AlreadyGranted, nothing narrowed).
    /// </summary>
    public async Task<AccessChange?> GrantScopedAsync(string roleType, PrincipalReference principal, RoleTargetRequest targets, ChangeConfirmation? confirm, CancellationToken ct)
    {
        roleType = AdminRoleTypes.Normalize(roleType);
        var entitlement = EntitlementReference.Role(roleType);
        var wanted = await _targets.ResolveAsync(roleType, targets, ct).ConfigureAwait(false);
        var who = await ResolveAsync(principal, ct).ConfigureAwait(false);
        var existing = await FindAsync(who, roleType, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            var path = AssignmentPath(who, existing);
            var current = await _targets.CurrentAsync(path, roleType, ct).ConfigureAwait(false);
            var missing = RoleTargetChanges.Missing(current, wanted);
            if (current.IsEmpty || missing.IsEmpty)
            {
                var held = Result(true, ProvisioningOutcome.AlreadyGranted, entitlement, roleType, who, existing);
                held.Scope = _targets.Describe(current);
                return held;
            }

            if (!await confirm.AllowsAsync(who.Description, $"Extend the admin role {roleType} to {_targets.Describe(missing)}").ConfigureAwait(false))
            {
                return null;
            }

            await _targets.AddAsync(path, missing, ct).ConfigureAwait(false);
            var extended = Result(true, ProvisioningOutcome.Granted, entitlement, roleType, who, existing);
            extended.Scope = _targets.Describe(await _targets.CurrentAsync(path, roleType, ct).ConfigureAwait(false));
            return extended;
        }

        if (!await confirm.AllowsAsync(who.Description, $"Assign the admin role {roleType} limited to {_targets.Describe(wanted)}").ConfigureAwait(false))
        {
            return null;
        }

        var granted = await AssignAsync(entitlement, roleType, who, ct).ConfigureAwait(false);
        if (granted.OutcomeKind != ProvisioningOutcome.Granted)
        {
            // assigned meanwhile by someone else (409): theirs, not ours to limit
            return granted;
        }

        var assignmentId = granted.AssignmentId ?? await FindAsync(who, roleType, ct).ConfigureAwait(false)
            ?? throw new OktaOperationException("OktaRoleAssignmentNotFound", OktaFailureKind.ServerError, $"{roleType} was assigned to {who.Description}, but the assignment cannot be found to limit it.");
        var created = AssignmentPath(who, assignmentId);
        try
        {
            await _targets.AddAsync(created, wanted, ct).ConfigureAwait(false);
        }
        catch
        {
            // never leave the role org-wide when it was asked for limited
            await Directory.DeleteIfPresentAsync(created, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        granted.OutcomeKind = ProvisioningOutcome.Granted;
        granted.AssignmentId = assignmentId;
        granted.Scope = _targets.Describe(await _targets.CurrentAsync(created, roleType, ct).ConfigureAwait(false));
        return granted;
    }

    /// <summary>
    /// Removes <paramref name="targets"/> from the principal's assignment of <paramref name="roleType"/>. Removing all of
    /// them would leave it org-wide, so then the assignment goes. A role held org-wide cannot lose part of its reach.
    /// </summary>
    public async Task<AccessChange?> RevokeScopedAsync(string roleType, PrincipalReference principal, RoleTargetRequest targets, ChangeConfirmation? confirm, CancellationToken ct)
    {
        roleType = AdminRoleTypes.Normalize(roleType);
        var entitlement = EntitlementReference.Role(roleType);
        var wanted = await _targets.ResolveAsync(roleType, targets, ct).ConfigureAwait(false);
        var who = await ResolveAsync(principal, ct).ConfigureAwait(false);
        var (_, holding) = await RoleAssignments.HoldingAsync(Directory, who, a => IsType(a, roleType), ct).ConfigureAwait(false);
        if (!holding.Direct)
        {
            return await RevokeHeldAsync(entitlement, roleType, "the admin role " + roleType, who.Description, who, holding, confirm, () => Task.CompletedTask).ConfigureAwait(false);
        }

        var path = AssignmentPath(who, holding.DirectId!);
        var current = await _targets.CurrentAsync(path, roleType, ct).ConfigureAwait(false);
        if (current.IsEmpty)
        {
            throw new OktaOperationException("OktaInvalidRoleTarget", OktaFailureKind.InvalidOperation,
                $"{who.Description} holds {roleType} org-wide: it cannot lose {_targets.Describe(wanted)} alone. Revoke the role, then grant it limited to what should remain.");
        }

        var present = RoleTargetChanges.Present(current, wanted);
        if (present.IsEmpty)
        {
            var untouched = Result(false, ProvisioningOutcome.AlreadyRevoked, entitlement, roleType, who, holding.DirectId);
            untouched.Scope = _targets.Describe(current);
            return untouched;
        }

        var remaining = new GrantScope(current.GroupIds.Where(g => !present.GroupIds.Contains(g)), current.Apps.Where(a => !present.Apps.Contains(a)));
        if (remaining.IsEmpty)
        {
            // its last targets: Okta keeps at least one, and none would mean org-wide — the role goes
            var whole = await RevokeHeldAsync(entitlement, roleType, $"the admin role {roleType} (limited to {_targets.Describe(current)})", who.Description, who, holding, confirm,
                () => Directory.DeleteIfPresentAsync(path, ct)).ConfigureAwait(false);
            if (whole is not null) whole.Scope = "none";
            return whole;
        }

        if (!await confirm.AllowsAsync(who.Description, $"Stop the admin role {roleType} reaching {_targets.Describe(present)}").ConfigureAwait(false))
        {
            return null;
        }

        await _targets.RemoveAsync(path, present, ct).ConfigureAwait(false);
        var narrowed = Result(false, ProvisioningOutcome.Revoked, entitlement, roleType, who, holding.DirectId);
        narrowed.Scope = _targets.Describe(remaining);
        return narrowed;
    }

    private static string AssignmentPath(ResolvedPrincipal who, string assignmentId) => RoleAssignments.PathOf(who) + "/" + OktaDirectory.Escape(assignmentId);

    private static bool IsType(OktaRoleAssignment assignment, string roleType) => string.Equals(assignment.Type, roleType, StringComparison.OrdinalIgnoreCase);

    private async Task<string?> FindAsync(ResolvedPrincipal who, string roleType, CancellationToken ct)
    {
        var matches = await RoleAssignments.ListOwnAsync(Directory, who, a => IsType(a, roleType), ct).ConfigureAwait(false);
        return matches.FirstOrDefault()?.Id;
    }
}
