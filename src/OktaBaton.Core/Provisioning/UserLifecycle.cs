using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;
using static OktaBaton.Core.Provisioning.UserStatuses;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// A user's reversible lifecycle, each action chosen by the user's current status as Okta allows it (the management
/// spec's User Lifecycle operations). Enable: STAGED → activate (no e-mail), SUSPENDED → unsuspend. Disable: ACTIVE →
/// suspend; STAGED, SUSPENDED, DEPROVISIONED need no call; any other status is refused before a write, saying why.
/// Reactivate: DEPROVISIONED → activate. Unlock: LOCKED_OUT → unlock. Expire password: ACTIVE → expire_password.
/// </summary>
public sealed class UserLifecycle
{
    private readonly OktaDirectory _directory;

    public UserLifecycle(OktaClient client)
    {
        _directory = new OktaDirectory(client);
    }

    public async Task<UserChange?> EnableAsync(string idOrLogin, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var user = await _directory.GetUserAsync(idOrLogin, ct).ConfigureAwait(false);
        var before = StatusOf(user);
        string operation;
        switch (before)
        {
            case Staged:
                operation = "activate?sendEmail=false";
                break;
            case Suspended:
                operation = "unsuspend";
                break;
            case Deprovisioned:
                throw new OktaOperationException("OktaUserDeprovisioned", OktaFailureKind.InvalidOperation,
                    $"{OktaDirectory.Describe(user)} is DEPROVISIONED; enabling does not reactivate a deactivated user (reactivate it instead).");
            default:
                return Result("Enable", ProvisioningOutcome.AlreadyEnabled, user, before);
        }

        if (!await confirm.AllowsAsync(OktaDirectory.Describe(user), operation == "unsuspend" ? "Unsuspend" : "Activate without sending an email").ConfigureAwait(false))
        {
            return null;
        }

        var (after, byUs) = await ChangeStatusAsync(_directory, user, operation, s => s is not (Staged or Suspended or Deprovisioned), ct).ConfigureAwait(false);
        return Result("Enable", byUs ? ProvisioningOutcome.Enabled : ProvisioningOutcome.AlreadyEnabled, after, before);
    }

    public async Task<UserChange?> DisableAsync(string idOrLogin, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var user = await _directory.GetUserAsync(idOrLogin, ct).ConfigureAwait(false);
        var before = StatusOf(user);
        switch (before)
        {
            case Staged or Suspended or Deprovisioned:
                return Result("Disable", ProvisioningOutcome.AlreadyDisabled, user, before);
            case Active:
                break;
            default:
                throw InvalidStatus(
                    $"Okta suspends only ACTIVE users, and {OktaDirectory.Describe(user)} is {before} ({Meaning(before)}). "
                    + "To cut off access, deactivate the user instead (the record is kept)"
                    + (before == LockedOut ? ", or unlock it first (it can then sign in again) and suspend it." : "."));
        }

        if (!await confirm.AllowsAsync(OktaDirectory.Describe(user), "Suspend").ConfigureAwait(false))
        {
            return null;
        }

        var (after, byUs) = await ChangeStatusAsync(_directory, user, "suspend", s => s is Staged or Suspended or Deprovisioned, ct).ConfigureAwait(false);
        return Result("Disable", byUs ? ProvisioningOutcome.Disabled : ProvisioningOutcome.AlreadyDisabled, after, before);
    }

    /// <summary>Activates a DEPROVISIONED user again: PROVISIONED until it completes activation (its password was deleted), ACTIVE if federated.</summary>
    public async Task<UserChange?> ReactivateAsync(string idOrLogin, bool sendEmail, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var user = await _directory.GetUserAsync(idOrLogin, ct).ConfigureAwait(false);
        var before = StatusOf(user);
        if (before != Deprovisioned)
        {
            return Result("Reactivate", ProvisioningOutcome.NotDeactivated, user, before);
        }

        var action = sendEmail ? "Reactivate and e-mail the activation link" : "Reactivate without sending an activation e-mail";
        if (!await confirm.AllowsAsync(OktaDirectory.Describe(user), action).ConfigureAwait(false))
        {
            return null;
        }

        var (after, byUs) = await ChangeStatusAsync(_directory, user, "activate?sendEmail=" + (sendEmail ? "true" : "false"), s => s != Deprovisioned, ct).ConfigureAwait(false);
        return Result("Reactivate", byUs ? ProvisioningOutcome.Reactivated : ProvisioningOutcome.NotDeactivated, after, before);
    }

    public async Task<UserChange?> UnlockAsync(string idOrLogin, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var user = await _directory.GetUserAsync(idOrLogin, ct).ConfigureAwait(false);
        var before = StatusOf(user);
        if (before != LockedOut)
        {
            return Result("Unlock", ProvisioningOutcome.NotLockedOut, user, before);
        }

        if (!await confirm.AllowsAsync(OktaDirectory.Describe(user), "Unlock (the user can sign in with the current password again)").ConfigureAwait(false))
        {
            return null;
        }

        var (after, byUs) = await ChangeStatusAsync(_directory, user, "unlock", s => s != LockedOut, ct).ConfigureAwait(false);
        return Result("Unlock", byUs ? ProvisioningOutcome.Unlocked : ProvisioningOutcome.NotLockedOut, after, before);
    }

    public async Task<UserChange?> ExpirePasswordAsync(string idOrLogin, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var user = await _directory.GetUserAsync(idOrLogin, ct).ConfigureAwait(false);
        var before = StatusOf(user);
        if (before == PasswordExpired)
        {
            return Result("ExpirePassword", ProvisioningOutcome.AlreadyPasswordExpired, user, before);
        }

        if (before != Active)
        {
            throw InvalidStatus(
                $"Okta expires the password of ACTIVE users, and {OktaDirectory.Describe(user)} is {before}"
                + (before == LockedOut ? "; unlock it first." : "."));
        }

        if (!HasOktaPassword(user))
        {
            throw new OktaOperationException("OktaUserHasNoPassword", OktaFailureKind.InvalidOperation,
                $"{OktaDirectory.Describe(user)} has no Okta password to expire (credentials provider {user.Credentials?.Provider?.Type ?? "unknown"}).");
        }

        if (!await confirm.AllowsAsync(OktaDirectory.Describe(user), "Expire the password (a new one is required at the next sign-in)").ConfigureAwait(false))
        {
            return null;
        }

        var (after, byUs) = await ChangeStatusAsync(_directory, user, "expire_password", s => s == PasswordExpired, ct).ConfigureAwait(false);
        return Result("ExpirePassword", byUs ? ProvisioningOutcome.PasswordExpired : ProvisioningOutcome.AlreadyPasswordExpired, after, before);
    }

    /// <summary>
    /// POST /users/{id}/lifecycle/{operation}, then the user as it now is. A lost answer is checked by reading the
    /// user back (<paramref name="applied"/> says whether its status shows the change), so the call is never repeated blindly.
    /// </summary>
    internal static async Task<OktaUser> TransitionAsync(OktaDirectory directory, OktaUser user, string operation, Func<string, bool> applied, CancellationToken ct)
    {
        var userPath = "/api/v1/users/" + OktaDirectory.Escape(user.Id);
        async Task<OktaUser?> ReadIfApplied()
        {
            var now = await directory.GetUserAsync(user.Id, ct).ConfigureAwait(false);
            return applied(now.Status ?? string.Empty) ? now : null;
        }

        await WriteSafety.WriteOnceAsync(
            async () =>
            {
                await directory.Client.SendAsync(HttpMethod.Post, userPath + "/lifecycle/" + operation, null, ct).ConfigureAwait(false);
                return user;
            },
            ReadIfApplied,
            ct).ConfigureAwait(false);
        return await directory.GetUserAsync(user.Id, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="TransitionAsync"/> for an action whose goal is <paramref name="applied"/>. When Okta refuses because
    /// the status changed since it was read, the user is read again: if someone else already brought it where this
    /// action would, the result says so (ByUs false); otherwise OktaInvalidUserStatus names the status it has now.
    /// </summary>
    internal static async Task<(OktaUser User, bool ByUs)> ChangeStatusAsync(OktaDirectory directory, OktaUser user, string operation, Func<string, bool> applied, CancellationToken ct)
    {
        try
        {
            return (await TransitionAsync(directory, user, operation, applied, ct).ConfigureAwait(false), true);
        }
        catch (OktaApiException refused) when (IsStatusRefusal(refused))
        {
            var now = await directory.GetUserAsync(user.Id, ct).ConfigureAwait(false);
            if (applied(StatusOf(now)))
            {
                return (now, false);
            }

            var name = operation.Split('?')[0].Replace('_', ' ');
            throw InvalidStatus($"Okta refused to {name} {OktaDirectory.Describe(now)}, now {StatusOf(now)}. {refused.Message}", refused);
        }
    }

    /// <summary>
    /// Okta's answers to a lifecycle operation the status does not allow: 400 E0000001, 403 E0000038, 403 E0000016,
    /// and 404 E0000007 to deactivating a user already DEPROVISIONED (a user truly gone fails the read that follows).
    /// </summary>
    internal static bool IsStatusRefusal(OktaApiException failure) =>
        (failure.StatusCode == 400 && failure.ErrorCode == "E0000001")
        || (failure.StatusCode == 403 && failure.ErrorCode is "E0000038" or "E0000016")
        || failure.IsNotFound;

    internal static OktaOperationException InvalidStatus(string message, Exception? inner = null) =>
        new("OktaInvalidUserStatus", OktaFailureKind.InvalidOperation, message, inner);

    internal static string StatusOf(OktaUser user) => (user.Status ?? string.Empty).ToUpperInvariant();

    /// <summary>Okta lists a password credential (its value is never returned) for users who have one.</summary>
    private static bool HasOktaPassword(OktaUser user) =>
        user.Credentials?.Extra?.ContainsKey("password") == true
        && string.Equals(user.Credentials.Provider?.Type ?? "OKTA", "OKTA", StringComparison.OrdinalIgnoreCase);

    internal static UserChange Result(string action, ProvisioningOutcome outcome, OktaUser user, string? before) => new()
    {
        Action = action,
        OutcomeKind = outcome,
        UserId = user.Id,
        Login = user.Profile.Login ?? string.Empty,
        Email = user.Profile.Email,
        Status = user.Status,
        PreviousStatus = before,
    };
}
