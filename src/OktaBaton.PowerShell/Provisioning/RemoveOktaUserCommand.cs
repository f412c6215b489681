using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>
/// Offboards users. By default deactivates them (DEPROVISIONED: Okta removes their app assignments and password, the
/// record stays and Restore-OktaUser can reactivate it). With -Permanent deletes them for good, deactivating first.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "OktaUser", DefaultParameterSetName = ByUserSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Base + "Remove-OktaUser.md")]
[OutputType(typeof(UserChange))]
public sealed class RemoveOktaUserCommand : OktaUserCommand
{
    /// <summary>Delete the user permanently (deactivating it first when it is not DEPROVISIONED). Cannot be undone.</summary>
    [Parameter]
    public SwitchParameter Permanent { get; set; }

    /// <summary>Let Okta e-mail the admin about the deactivation.</summary>
    [Parameter]
    public SwitchParameter SendEmail { get; set; }

    protected override Task<UserChange?> Change(OktaConnection connection, string user, ChangeConfirmation confirm, CancellationToken ct)
    {
        var deprovisioning = new UserDeprovisioning(connection.Client);
        return Permanent
            ? deprovisioning.DeleteAsync(user, SendEmail, confirm, ct)
            : deprovisioning.DeactivateAsync(user, SendEmail, confirm, ct);
    }
}
