using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Enables users: a STAGED user is activated without an email, a SUSPENDED one unsuspended; an enabled user needs no call; a DEPROVISIONED one is an error (Restore-OktaUser reactivates it).</summary>
[Cmdlet(VerbsLifecycle.Enable, "OktaUser", DefaultParameterSetName = ByUserSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Base + "Enable-OktaUser.md")]
[OutputType(typeof(UserChange))]
public sealed class EnableOktaUserCommand : OktaUserCommand
{
    protected override Task<UserChange?> Change(OktaConnection connection, string user, ChangeConfirmation confirm, CancellationToken ct) =>
        new UserLifecycle(connection.Client).EnableAsync(user, confirm, ct);
}
