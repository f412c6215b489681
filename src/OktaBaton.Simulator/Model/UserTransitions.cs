using OktaBaton.Simulator.Http;

namespace OktaBaton.Simulator.Model;

/// <summary>
/// Okta's user lifecycle: which POST /api/v1/users/{id}/lifecycle/{operation} a status allows, and how Okta
/// refuses the others. The same rules decide the lifecycle links a single user carries, as Okta's do.
/// Sources: the management spec's User Lifecycle and UserCred operations (okta-openapi/management-minimal.yaml,
/// "Perform this operation only on users with … status"), docs/okta-api.md for the error codes, and where the spec
/// is silent the notes beside each rule.
/// </summary>
internal static class UserTransitions
{
    public const string Activate = "activate";
    public const string Deactivate = "deactivate";
    public const string Suspend = "suspend";
    public const string Unsuspend = "unsuspend";
    public const string Reactivate = "reactivate";
    public const string Unlock = "unlock";
    public const string ExpirePassword = "expire_password";
    public const string ResetFactors = "reset_factors";

    public static readonly string[] Operations = { Activate, Deactivate, Suspend, Unsuspend, Reactivate, Unlock, ExpirePassword, ResetFactors };

    private enum Answer
    {
        Allowed,
        UnknownOperation,
        NotAllowed,
        AlreadyActive,
        NotFound,
        NotActive,
        NotSuspended,
    }

    public static bool Allows(string operation, OktaUser user) => Rule(operation, user) == Answer.Allowed;

    /// <summary>Null when Okta performs <paramref name="operation"/> on this user; otherwise Okta's refusal.</summary>
    public static OktaApiException? Refusal(string operation, OktaUser user) => Rule(operation, user) switch
    {
        Answer.Allowed => null,
        Answer.AlreadyActive => new OktaApiException(403, "E0000016", "Activation failed because the user is already active"),
        Answer.NotFound => OktaApiException.NotFound(user.Id, "User"),
        Answer.NotActive => OktaApiException.Validation("suspend", "Cannot suspend a user that is not active"),
        Answer.NotSuspended => OktaApiException.Validation("unsuspend", "Cannot unsuspend a user that is not suspended"),
        Answer.NotAllowed => NotAllowed(),
        _ => OktaApiException.PathNotFound(),
    };

    /// <summary>E0000038, Okta's answer to an operation the user's status does not allow (docs/okta-api.md).</summary>
    public static OktaApiException NotAllowed() =>
        new(403, "E0000038", "This operation is not allowed in the user's current status.");

    private static Answer Rule(string operation, OktaUser user) => operation switch
    {
        // activateUser: "only on users with a STAGED or DEPROVISIONED status"; an ACTIVE user gets E0000016.
        Activate => user.Status switch
        {
            UserStatus.Staged or UserStatus.Deprovisioned => Answer.Allowed,
            UserStatus.Active => Answer.AlreadyActive,
            _ => Answer.NotAllowed,
        },
        // deactivateUser: "only on users that do not have a DEPROVISIONED status". Okta answers a deactivated user
        // as if it were not there (404 E0000007), as reported in okta/okta-sdk-java#721.
        Deactivate => user.Status == UserStatus.Deprovisioned ? Answer.NotFound : Answer.Allowed,
        // suspendUser: "only on users with an ACTIVE status"; Okta answers 400 E0000001 (docs/okta-api.md).
        Suspend => user.Status == UserStatus.Active ? Answer.Allowed : Answer.NotActive,
        // unsuspendUser: "only … users that have a SUSPENDED status".
        Unsuspend => user.Status == UserStatus.Suspended ? Answer.Allowed : Answer.NotSuspended,
        // reactivateUser: "only on users with a PROVISIONED or RECOVERY status" (not DEPROVISIONED: that is activate).
        Reactivate => user.Status is UserStatus.Provisioned or UserStatus.Recovery ? Answer.Allowed : Answer.NotAllowed,
        // unlockUser: a LOCKED_OUT user, or an ACTIVE one blocked from unknown devices (its status stays ACTIVE).
        Unlock => user.Status is UserStatus.LockedOut or UserStatus.Active ? Answer.Allowed : Answer.NotAllowed,
        // expirePassword names no status. Inferred: only a user with an Okta password who can sign in with it
        // (ACTIVE, or already PASSWORD_EXPIRED) has a password to expire; everyone else is refused as not allowed.
        ExpirePassword => user.HasPassword && user.Status is UserStatus.Active or UserStatus.PasswordExpired ? Answer.Allowed : Answer.NotAllowed,
        // resetFactors names no status; a deactivated user has no factors left to reset (inferred).
        ResetFactors => user.Status == UserStatus.Deprovisioned ? Answer.NotAllowed : Answer.Allowed,
        _ => Answer.UnknownOperation,
    };
}
