namespace OktaBaton.Core.Provisioning;

/// <summary>The result of one user action (create, enable, disable, deactivate, delete, …). Never carries a password or token.</summary>
public sealed class UserChange
{
    /// <summary>"New", "Enable", "Disable", "Deactivate", "Delete", "Reactivate", "Unlock", "ExpirePassword", "ResetFactors" or "Update".</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>Created, AlreadyExists, Enabled, Disabled, Deleted, … — the <see cref="ProvisioningOutcome"/> name, as text in ConvertTo-Json and Export-Csv alike.</summary>
    public string Outcome => OutcomeKind.ToString();

    /// <summary>The outcome as the engine sets it.</summary>
    internal ProvisioningOutcome OutcomeKind { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string Login { get; set; } = string.Empty;

    public string? Email { get; set; }

    /// <summary>The Okta status after the action (ACTIVE, STAGED, SUSPENDED, …); null once a user is deleted.</summary>
    public string? Status { get; set; }

    /// <summary>The Okta status before the action.</summary>
    public string? PreviousStatus { get; set; }

    /// <summary>What was changed, when the outcome alone does not say: the profile attributes updated, the factors reset.</summary>
    public string[] Changed { get; set; } = System.Array.Empty<string>();

    public override string ToString() => $"{Action} user {Login} ({UserId}): {Outcome}";
}
