using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// Grants and revokes one kind of entitlement. Both are idempotent: a repeat reports AlreadyGranted or
/// AlreadyRevoked and sends no write. A null result means the confirmation declined the change.
/// </summary>
public interface IEntitlementProvisioner
{
    /// <summary>The entitlement resource type this provisioner owns (group, app, role, custom-role, resourceset-binding).</summary>
    string ResourceType { get; }

    Task<AccessChange?> GrantAsync(EntitlementReference entitlement, PrincipalReference principal, ChangeConfirmation? confirm, CancellationToken ct);

    Task<AccessChange?> RevokeAsync(EntitlementReference entitlement, PrincipalReference principal, ChangeConfirmation? confirm, CancellationToken ct);
}
