namespace OktaBaton.Core.Provisioning;

/// <summary>
/// What a provisioning call did. The "Already…", "Not…", "No…" and <see cref="Unchanged"/> outcomes sent no write:
/// the target was in the wanted state, or the action does not apply to it.
/// </summary>
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

    /// <summary>The user is now DEPROVISIONED (its record kept).</summary>
    Deactivated,
    AlreadyDeactivated,

    /// <summary>The user was not there to delete.</summary>
    AlreadyDeleted,

    /// <summary>A DEPROVISIONED user was activated again.</summary>
    Reactivated,

    /// <summary>The user is not deactivated, so there is nothing to reactivate.</summary>
    NotDeactivated,
    Unlocked,

    /// <summary>The user is not LOCKED_OUT, so there is nothing to unlock.</summary>
    NotLockedOut,

    /// <summary>The password is expired: the user must change it at the next sign-in.</summary>
    PasswordExpired,
    AlreadyPasswordExpired,
    FactorsReset,

    /// <summary>The user has no enrolled MFA factor to reset.</summary>
    NoFactors,
}
