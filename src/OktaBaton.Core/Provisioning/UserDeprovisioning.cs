using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;
using static OktaBaton.Core.Provisioning.UserStatuses;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// Offboarding: deactivate (DEPROVISIONED — Okta removes the user's app assignments and password, the record stays)
/// and permanent delete. Okta's DELETE deactivates a user that is not DEPROVISIONED and deletes only one that is, and
/// answers 204 both times; so a delete first confirms DEPROVISIONED with a fresh read, and afterwards confirms the
/// user is gone, never trusting the status code alone. Every step is safe to repeat.
/// </summary>
public sealed class UserDeprovisioning
{
    private const int ConfirmationReads = 5;
    private static readonly TimeSpan ConfirmationInterval = TimeSpan.FromSeconds(1);

    private readonly OktaDirectory _directory;

    public UserDeprovisioning(OktaClient client)
    {
        _directory = new OktaDirectory(client);
    }

    /// <summary>Deactivates a user from any status; <paramref name="sendEmail"/> asks Okta to e-mail the admin.</summary>
    public async Task<UserChange?> DeactivateAsync(string idOrLogin, bool sendEmail, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var user = await _directory.GetUserAsync(idOrLogin, ct).ConfigureAwait(false);
        var before = UserLifecycle.StatusOf(user);
        if (before == Deprovisioned)
        {
            return UserLifecycle.Result("Deactivate", ProvisioningOutcome.AlreadyDeactivated, user, before);
        }

        if (!await confirm.AllowsAsync(OktaDirectory.Describe(user), "Deactivate (Okta removes the user's app assignments; the record is kept)").ConfigureAwait(false))
        {
            return null;
        }

        var deactivatedHere = await DeactivateConfirmedAsync(user, sendEmail, ct).ConfigureAwait(false);
        return UserLifecycle.Result("Deactivate", deactivatedHere.ByUs ? ProvisioningOutcome.Deactivated : ProvisioningOutcome.AlreadyDeactivated, deactivatedHere.User, before);
    }

    /// <summary>
    /// Deletes a user for good, deactivating it first when it is not DEPROVISIONED. A user id that Okta no longer
    /// knows is AlreadyDeleted; a login that matches nobody is an error, because a deleted user and a mistyped login
    /// cannot be told apart.
    /// </summary>
    public async Task<UserChange?> DeleteAsync(string idOrLogin, bool sendEmail, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var user = await _directory.FindUserAsync(idOrLogin, ct).ConfigureAwait(false);
        if (user is null)
        {
            if (!LooksLikeUserId(idOrLogin))
            {
                throw new OktaOperationException("OktaUserNotFound", OktaFailureKind.NotFound,
                    $"No user has the login {PrincipalReference.Quote(idOrLogin)}. A deleted user and a mistyped login look the same; pass the user id (00u…) to treat a missing user as already deleted.");
            }

            return new UserChange { Action = "Delete", OutcomeKind = ProvisioningOutcome.AlreadyDeleted, UserId = idOrLogin.Trim() };
        }

        var before = UserLifecycle.StatusOf(user);
        var action = before == Deprovisioned
            ? "Delete permanently (cannot be undone)"
            : $"Deactivate (now {before}) and delete permanently (cannot be undone)";
        if (!await confirm.AllowsAsync(OktaDirectory.Describe(user), action).ConfigureAwait(false))
        {
            return null;
        }

        if (before != Deprovisioned)
        {
            user = (await DeactivateConfirmedAsync(user, sendEmail, ct).ConfigureAwait(false)).User;
        }

        await DeleteDeprovisionedAsync(user, ct).ConfigureAwait(false);
        var result = UserLifecycle.Result("Delete", ProvisioningOutcome.Deleted, user, before);
        result.Status = null;
        return result;
    }

    /// <summary>
    /// POST lifecycle/deactivate (never DELETE: a repeated DELETE would delete), then reads until the user is
    /// DEPROVISIONED (Okta may deactivate asynchronously). Okta answers 404 to deactivating a user that someone else
    /// deactivated meanwhile; reading the user settles that (ByUs false).
    /// </summary>
    private async Task<(OktaUser User, bool ByUs)> DeactivateConfirmedAsync(OktaUser user, bool sendEmail, CancellationToken ct)
    {
        var (after, byUs) = await UserLifecycle.ChangeStatusAsync(_directory, user, "deactivate" + (sendEmail ? "?sendEmail=true" : string.Empty), s => s == Deprovisioned, ct).ConfigureAwait(false);
        return (UserLifecycle.StatusOf(after) == Deprovisioned ? after : await WaitUntilDeprovisionedAsync(user, ct).ConfigureAwait(false), byUs);
    }

    private async Task<OktaUser> WaitUntilDeprovisionedAsync(OktaUser user, CancellationToken ct)
    {
        for (var read = 1; ; read++)
        {
            var now = await _directory.GetUserAsync(user.Id, ct).ConfigureAwait(false);
            if (UserLifecycle.StatusOf(now) == Deprovisioned)
            {
                return now;
            }

            if (read == ConfirmationReads)
            {
                throw new OktaOperationException("OktaUserNotDeactivated", OktaFailureKind.ServerError,
                    $"Okta accepted the deactivation of {OktaDirectory.Describe(now)} but it is still {UserLifecycle.StatusOf(now)}; run the command again to finish.");
            }

            await Task.Delay(ConfirmationInterval, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// DELETE a user just confirmed DEPROVISIONED, then confirm it is gone. A 404 (a repeated DELETE whose first
    /// answer was lost) is success. If it is still there and DEPROVISIONED the DELETE is sent once more.
    /// </summary>
    private async Task DeleteDeprovisionedAsync(OktaUser user, CancellationToken ct)
    {
        var path = "/api/v1/users/" + OktaDirectory.Escape(user.Id);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await _directory.DeleteIfPresentAsync(path, ct).ConfigureAwait(false);
            var now = await _directory.FindUserAsync(user.Id, ct).ConfigureAwait(false);
            if (now is null)
            {
                return;
            }

            if (UserLifecycle.StatusOf(now) != Deprovisioned)
            {
                throw new OktaOperationException("OktaUserNotDeleted", OktaFailureKind.InvalidOperation,
                    $"{OktaDirectory.Describe(now)} became {UserLifecycle.StatusOf(now)} while it was being deleted; it was not deleted.");
            }
        }

        throw new OktaOperationException("OktaUserNotDeleted", OktaFailureKind.ServerError,
            $"{OktaDirectory.Describe(user)} is still there after two deletes; run the command again.");
    }

    /// <summary>Okta user ids are 20 characters starting 00u; a login has an @ or other characters ids never have.</summary>
    private static bool LooksLikeUserId(string value)
    {
        var text = value.Trim();
        if (text.Length != 20 || !text.StartsWith("00u", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
