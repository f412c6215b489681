using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta;

namespace OktaBaton.Core.Provisioning;

/// <summary>Grants and revokes any provisionable entitlement by picking the provisioner that owns its resource type.</summary>
public sealed class EntitlementProvisioning
{
    private readonly Dictionary<string, IEntitlementProvisioner> _provisioners;
    private readonly AdminRoleProvisioner _roles;

    public EntitlementProvisioning(OktaClient client)
    {
        var directory = new OktaDirectory(client);
        _provisioners = new Dictionary<string, IEntitlementProvisioner>(StringComparer.Ordinal);
        foreach (var provisioner in new IEntitlementProvisioner[]
        {
            new GroupMembershipProvisioner(directory),
            new AppAssignmentProvisioner(directory),
            _roles = new AdminRoleProvisioner(directory),
            new CustomRoleProvisioner(directory),
            new ResourceSetBindingProvisioner(directory),
        })
        {
            _provisioners.Add(provisioner.ResourceType, provisioner);
        }
    }

    /// <summary>
    /// Grants a standard admin role, limited to <paramref name="targets"/> when there are any (role targets): a new
    /// assignment gets them, an existing limited one gains those it lacks, one held org-wide already covers them.
    /// </summary>
    public Task<AccessChange?> GrantRoleAsync(string roleType, PrincipalReference principal, RoleTargetRequest? targets, ChangeConfirmation? confirm, CancellationToken ct) =>
        targets is null || targets.IsEmpty
            ? GrantAsync(EntitlementReference.Role(AdminRoleTypes.Normalize(roleType)), principal, confirm, ct)
            : _roles.GrantScopedAsync(roleType, principal ?? throw new ArgumentNullException(nameof(principal)), targets, confirm, ct);

    /// <summary>
    /// Revokes a standard admin role, or with <paramref name="targets"/> only its reach over them; removing the last of
    /// its targets unassigns it (none would make it org-wide).
    /// </summary>
    public Task<AccessChange?> RevokeRoleAsync(string roleType, PrincipalReference principal, RoleTargetRequest? targets, ChangeConfirmation? confirm, CancellationToken ct) =>
        targets is null || targets.IsEmpty
            ? RevokeAsync(EntitlementReference.Role(AdminRoleTypes.Normalize(roleType)), principal, confirm, ct)
            : _roles.RevokeScopedAsync(roleType, principal ?? throw new ArgumentNullException(nameof(principal)), targets, confirm, ct);

    public IEntitlementProvisioner For(EntitlementReference entitlement)
    {
        if (entitlement is null)
        {
            throw new ArgumentNullException(nameof(entitlement));
        }

        return _provisioners[entitlement.ResourceType];
    }

    public Task<AccessChange?> GrantAsync(EntitlementReference entitlement, PrincipalReference principal, ChangeConfirmation? confirm, CancellationToken ct) =>
        For(entitlement).GrantAsync(entitlement, principal ?? throw new ArgumentNullException(nameof(principal)), confirm, ct);

    public Task<AccessChange?> RevokeAsync(EntitlementReference entitlement, PrincipalReference principal, ChangeConfirmation? confirm, CancellationToken ct) =>
        For(entitlement).RevokeAsync(entitlement, principal ?? throw new ArgumentNullException(nameof(principal)), confirm, ct);
}
