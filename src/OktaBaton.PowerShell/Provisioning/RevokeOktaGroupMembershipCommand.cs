using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Removes users from an OKTA_GROUP group; a user who is not a member is AlreadyRevoked, not an error.</summary>
[Cmdlet(VerbsSecurity.Revoke, "OktaGroupMembership", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AccessChange))]
public sealed class RevokeOktaGroupMembershipCommand : ProvisioningCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string GroupId { get; set; } = string.Empty;

    /// <summary>The user's id or login.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Login", "User")]
    [ValidateNotNullOrEmpty]
    public string UserId { get; set; } = string.Empty;

    protected override void ProcessRecord() =>
        Provision(GroupId + "/" + UserId, "Group", (connection, confirm, ct) =>
            new EntitlementProvisioning(connection.Client).RevokeAsync(EntitlementReference.GroupMember(GroupId), PrincipalReference.User(UserId), confirm, ct));
}
