using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Disables users by suspending them; a STAGED, SUSPENDED or DEPROVISIONED user needs no call.</summary>
[Cmdlet(VerbsLifecycle.Disable, "OktaUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Base + "Disable-OktaUser.md")]
[OutputType(typeof(UserChange))]
public sealed class DisableOktaUserCommand : ProvisioningCmdlet
{
    /// <summary>The user's id or login.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "Login", "PrincipalId")]
    [ValidateNotNullOrEmpty]
    public string UserId { get; set; } = string.Empty;

    protected override void ProcessRecord() =>
        Provision(UserId, "User", (connection, confirm, ct) => new UserLifecycle(connection.Client).DisableAsync(UserId, confirm, ct));
}
