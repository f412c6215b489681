using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>
/// Base of the cmdlets that act on one user per pipeline item: the user by id or login, bound by property name
/// (UserId, Id, Login or PrincipalId) so CSV rows, sync records and user objects pipe straight in.
/// </summary>
public abstract class OktaUserCommand : ProvisioningCmdlet
{
    /// <summary>The user's Okta id or login.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "Login", "PrincipalId")]
    [ValidateNotNullOrEmpty]
    public string UserId { get; set; } = string.Empty;

    protected override void ProcessRecord() => Provision(UserId, "User", (connection, confirm, ct) => Change(connection, UserId, confirm, ct));

    /// <summary>The one engine call for this user.</summary>
    protected abstract Task<UserChange?> Change(OktaConnection connection, string user, ChangeConfirmation confirm, CancellationToken ct);
}
