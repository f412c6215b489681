using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>
/// Expires users' passwords (Okta's expire_password): they must choose a new one at the next sign-in. ACTIVE users
/// with an Okta password only; a PASSWORD_EXPIRED user is AlreadyPasswordExpired, with no call.
/// </summary>
[Cmdlet(VerbsLifecycle.Request, "OktaPasswordChange", DefaultParameterSetName = ByUserSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Base + "Request-OktaPasswordChange.md")]
[OutputType(typeof(UserChange))]
public sealed class RequestOktaPasswordChangeCommand : OktaUserCommand
{
    protected override Task<UserChange?> Change(OktaConnection connection, string user, ChangeConfirmation confirm, CancellationToken ct) =>
        new UserLifecycle(connection.Client).ExpirePasswordAsync(user, confirm, ct);
}
