using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>
/// Disables users by suspending them (Okta suspends ACTIVE users only). STAGED, SUSPENDED and DEPROVISIONED users need
/// no call; PROVISIONED, RECOVERY, LOCKED_OUT and PASSWORD_EXPIRED users are refused before any write, saying why.
/// </summary>
[Cmdlet(VerbsLifecycle.Disable, "OktaUser", DefaultParameterSetName = ByUserSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Base + "Disable-OktaUser.md")]
[OutputType(typeof(UserChange))]
public sealed class DisableOktaUserCommand : OktaUserCommand
{
    protected override Task<UserChange?> Change(OktaConnection connection, string user, ChangeConfirmation confirm, CancellationToken ct) =>
        new UserLifecycle(connection.Client).DisableAsync(user, confirm, ct);
}
