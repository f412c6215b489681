using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Grants any provisionable entitlement by its baton id (group:…:member, app:…:access, role:…:assigned, resourceset-binding:…:member) to a user or group; takes Get-OktaSyncGrant objects or CSV rows from the pipeline.</summary>
[Cmdlet(VerbsSecurity.Grant, "OktaEntitlement", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByEntitlementSet)]
[OutputType(typeof(AccessChange))]
public sealed class GrantOktaEntitlementCommand : ProvisioningCmdlet
{
    private const string ByEntitlementSet = "ByEntitlement";
    private const string ByGrantIdSet = "ByGrantId";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByEntitlementSet)]
    [Alias("Entitlement")]
    [ValidateNotNullOrEmpty]
    public string EntitlementId { get; set; } = string.Empty;

    /// <summary>user or group.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ByEntitlementSet)]
    [ValidateNotNullOrEmpty]
    public string PrincipalType { get; set; } = string.Empty;

    /// <summary>The user's id or login, or the group's id.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true, ParameterSetName = ByEntitlementSet)]
    [ValidateNotNullOrEmpty]
    public string PrincipalId { get; set; } = string.Empty;

    /// <summary>A grant id, {entitlementId}:{principalType}:{principalId}.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByGrantIdSet)]
    [ValidateNotNullOrEmpty]
    public string GrantId { get; set; } = string.Empty;

    protected override void ProcessRecord()
    {
        var byGrant = ParameterSetName == ByGrantIdSet;
        var target = byGrant ? GrantId : EntitlementId + ":" + PrincipalType + ":" + PrincipalId;
        Provision(target, "Entitlement", (connection, confirm, ct) =>
        {
            var (entitlement, principal) = byGrant
                ? EntitlementReference.ParseGrantId(GrantId)
                : (EntitlementReference.Parse(EntitlementId), PrincipalReference.Parse(PrincipalType, PrincipalId));
            return new EntitlementProvisioning(connection.Client).GrantAsync(entitlement, principal, confirm, ct);
        });
    }
}
