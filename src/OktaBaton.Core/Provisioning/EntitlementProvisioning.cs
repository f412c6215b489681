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

    public EntitlementProvisioning(OktaClient client)
    {
        var directory = new OktaDirectory(client);
        _provisioners = new Dictionary<string, IEntitlementProvisioner>(StringComparer.Ordinal);
        foreach (var provisioner in new IEntitlementProvisioner[]
        {
            new GroupMembershipProvisioner(directory),
            new AppAssignmentProvisioner(directory),
            new AdminRoleProvisioner(directory),
            new CustomRoleProvisioner(directory),
            new ResourceSetBindingProvisioner(directory),
        })
        {
            _provisioners.Add(provisioner.ResourceType, provisioner);
        }
    }

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
