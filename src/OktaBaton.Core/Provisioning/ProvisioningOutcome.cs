namespace OktaBaton.Core.Provisioning;

/// <summary>What a provisioning call did. The "Already…" and <see cref="Unchanged"/> outcomes sent no write.</summary>
public enum ProvisioningOutcome
{
    Granted,
    AlreadyGranted,
    Revoked,
    AlreadyRevoked,
    Created,
    AlreadyExists,
    Enabled,
    AlreadyEnabled,
    Disabled,
    AlreadyDisabled,
    Updated,
    Unchanged,
    Deleted,
}
