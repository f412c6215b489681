using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>
/// Resets all of a user's MFA factors (every enrollment back to unenrolled; the status is kept). A user with none is
/// NoFactors, with no call. High impact: the user must enroll again, and so could anyone who holds their password.
/// </summary>
[Cmdlet(VerbsCommon.Reset, "OktaUserFactor", DefaultParameterSetName = ByUserSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpLinks.Base + "Reset-OktaUserFactor.md")]
[OutputType(typeof(UserChange))]
public sealed class ResetOktaUserFactorCommand : OktaUserCommand
{
    protected override Task<UserChange?> Change(OktaConnection connection, string user, ChangeConfirmation confirm, CancellationToken ct) =>
        new UserFactors(connection.Client).ResetAsync(user, confirm, ct);
}
