namespace OktaBaton.Core.Provisioning;

/// <summary>The result of creating, enabling or disabling one user. Never carries a password.</summary>
public sealed class UserChange
{
    /// <summary>"New", "Enable" or "Disable".</summary>
    public string Action { get; set; } = string.Empty;

    public ProvisioningOutcome Outcome { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string Login { get; set; } = string.Empty;

    public string? Email { get; set; }

    /// <summary>The Okta status after the action (ACTIVE, STAGED, SUSPENDED, …).</summary>
    public string? Status { get; set; }

    /// <summary>The Okta status before the action.</summary>
    public string? PreviousStatus { get; set; }

    public override string ToString() => $"{Action} user {Login} ({UserId}): {Outcome}";
}
