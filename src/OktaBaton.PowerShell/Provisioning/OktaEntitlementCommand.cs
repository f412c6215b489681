using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>The shared half of the parameters and resolution of Grant-OktaEntitlement and Revoke-OktaEntitlement: a baton entitlement id and principal, or a grant id.</summary>
public abstract class OktaEntitlementCommand : AccessCmdlet
{
    internal const string ByEntitlementSet = "ByEntitlement";
    internal const string ByGrantIdSet = "ByGrantId";

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
        ChangeAccess(target, "Entitlement", () =>
        {
            var (entitlement, principal) = byGrant
                ? EntitlementReference.ParseGrantId(GrantId)
                : (EntitlementReference.Parse(EntitlementId), PrincipalReference.Parse(PrincipalType, PrincipalId));
            return (entitlement, principal);
        });
    }
}
