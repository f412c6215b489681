namespace OktaBaton.Core.Provisioning;

/// <summary>Okta's user statuses, and what each means for the lifecycle actions.</summary>
public static class UserStatuses
{
    public const string Staged = "STAGED";
    public const string Provisioned = "PROVISIONED";
    public const string Active = "ACTIVE";
    public const string Recovery = "RECOVERY";
    public const string LockedOut = "LOCKED_OUT";
    public const string PasswordExpired = "PASSWORD_EXPIRED";
    public const string Suspended = "SUSPENDED";
    public const string Deprovisioned = "DEPROVISIONED";

    /// <summary>Every status Okta has, in lifecycle order.</summary>
    public static readonly string[] All = { Staged, Provisioned, Active, Recovery, LockedOut, PasswordExpired, Suspended, Deprovisioned };

    /// <summary>Why a user in this status can still sign in (or soon will), for refusals that must say so.</summary>
    internal static string Meaning(string status) => status switch
    {
        Provisioned => "activation is pending: the user can still complete it and sign in",
        Recovery => "a password reset is in progress: the user can complete it and sign in",
        LockedOut => "the user is locked out after failed sign-ins, which Okta may lift by itself",
        PasswordExpired => "the user can still sign in by changing the password",
        _ => "status " + status,
    };
}
