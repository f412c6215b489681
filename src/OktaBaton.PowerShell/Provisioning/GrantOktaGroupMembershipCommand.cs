using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Makes users members of an OKTA_GROUP group; a user already a member is AlreadyGranted.</summary>
[Cmdlet(VerbsSecurity.Grant, "OktaGroupMembership", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AccessChange))]
public sealed class GrantOktaGroupMembershipCommand : ProvisioningCmdlet
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
            new EntitlementProvisioning(connection.Client).GrantAsync(EntitlementReference.GroupMember(GroupId), PrincipalReference.User(UserId), confirm, ct));
}
