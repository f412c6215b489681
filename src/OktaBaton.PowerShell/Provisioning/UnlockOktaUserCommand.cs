using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Unlocks LOCKED_OUT users (they are ACTIVE again and sign in with their current password); any other user is NotLockedOut, with no call.</summary>
[Cmdlet(VerbsCommon.Unlock, "OktaUser", DefaultParameterSetName = ByUserSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Base + "Unlock-OktaUser.md")]
[OutputType(typeof(UserChange))]
public sealed class UnlockOktaUserCommand : OktaUserCommand
{
    protected override Task<UserChange?> Change(OktaConnection connection, string user, ChangeConfirmation confirm, CancellationToken ct) =>
        new UserLifecycle(connection.Client).UnlockAsync(user, confirm, ct);
}
