using System.Management.Automation;
using OktaBaton.Core.Provisioning;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>Enables users: a STAGED user is activated without an email, a SUSPENDED one unsuspended; an enabled user needs no call; a DEPROVISIONED one is an error.</summary>
[Cmdlet(VerbsLifecycle.Enable, "OktaUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Base + "Enable-OktaUser.md")]
[OutputType(typeof(UserChange))]
public sealed class EnableOktaUserCommand : ProvisioningCmdlet
{
    /// <summary>The user's id or login.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "Login", "PrincipalId")]
    [ValidateNotNullOrEmpty]
    public string UserId { get; set; } = string.Empty;

    protected override void ProcessRecord() =>
        Provision(UserId, "User", (connection, confirm, ct) => new UserLifecycle(connection.Client).EnableAsync(UserId, confirm, ct));
}
