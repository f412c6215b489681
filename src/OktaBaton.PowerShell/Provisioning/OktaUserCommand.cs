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
    internal const string ByUserSet = "ByUser";
    internal const string SelfSet = "Self";

    /// <summary>The user's Okta id or login ("me" is refused: it would be the connected admin by accident; see -Self).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByUserSet)]
    [Alias("Id", "Login", "PrincipalId")]
    [ValidateNotNullOrEmpty]
    public string UserId { get; set; } = string.Empty;

    /// <summary>Acts on the connected admin's own account (the API token's owner), said explicitly.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SelfSet)]
    public SwitchParameter Self { get; set; }

    protected override void ProcessRecord()
    {
        var user = Self ? "me" : UserId;
        Provision(user, "User", (connection, confirm, ct) => Change(connection, user, confirm, ct));
    }

    /// <summary>The one engine call for this user.</summary>
    protected abstract Task<UserChange?> Change(OktaConnection connection, string user, ChangeConfirmation confirm, CancellationToken ct);
}
