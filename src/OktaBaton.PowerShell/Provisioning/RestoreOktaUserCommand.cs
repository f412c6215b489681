using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>
/// Reactivates deactivated (DEPROVISIONED) users. They come back PROVISIONED (their password was deleted) until they
/// complete activation; apps must be reassigned. A user that is not deactivated is NotDeactivated, with no call.
/// </summary>
[Cmdlet(VerbsData.Restore, "OktaUser", DefaultParameterSetName = ByUserSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Base + "Restore-OktaUser.md")]
[OutputType(typeof(UserChange))]
public sealed class RestoreOktaUserCommand : OktaUserCommand
{
    /// <summary>Let Okta e-mail the activation link to the user (without it, no e-mail is sent).</summary>
    [Parameter]
    public SwitchParameter SendEmail { get; set; }

    protected override Task<UserChange?> Change(OktaConnection connection, string user, ChangeConfirmation confirm, CancellationToken ct) =>
        new UserLifecycle(connection.Client).ReactivateAsync(user, SendEmail, confirm, ct);
}
