using System;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>
/// A Grant-* or Revoke-* cmdlet: the pair shares parameters and resolution, and differs only in which
/// engine operation it runs.
/// </summary>
public abstract class AccessCmdlet : ProvisioningCmdlet
{
    /// <summary>True for Grant-*, false for Revoke-*.</summary>
    protected abstract bool Grants { get; }

    /// <summary>Grants or revokes one entitlement for this pipeline item, resolving ids inside the engine call.</summary>
    protected void ChangeAccess(string target, string subject, Func<(EntitlementReference Entitlement, PrincipalReference Principal)> resolve) =>
        Provision(target, subject, (connection, confirm, ct) =>
        {
            var (entitlement, principal) = resolve();
            var provisioning = new EntitlementProvisioning(connection.Client);
            return Grants
                ? provisioning.GrantAsync(entitlement, principal, confirm, ct)
                : provisioning.RevokeAsync(entitlement, principal, confirm, ct);
        });
}
