using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// Enable and disable users. Enable: STAGED → activate (no email), SUSPENDED → unsuspend, enabled → no call,
/// DEPROVISIONED → an error. Disable: ACTIVE-like → suspend; STAGED, SUSPENDED, DEPROVISIONED → no call.
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
        var before = user.Status ?? string.Empty;
        string operation;
        switch (before)
        {
            case "STAGED":
                operation = "activate?sendEmail=false";
                break;
            case "SUSPENDED":
                operation = "unsuspend";
                break;
            case "DEPROVISIONED":
                throw new OktaOperationException("OktaUserDeprovisioned", OktaFailureKind.InvalidOperation,
                    $"{OktaDirectory.Describe(user)} is DEPROVISIONED; Enable-OktaUser does not reactivate deprovisioned users (reactivate it in Okta first).");
            default:
                return Result("Enable", ProvisioningOutcome.AlreadyEnabled, user, before);
        }

        if (!await confirm.AllowsAsync(OktaDirectory.Describe(user), operation == "unsuspend" ? "Unsuspend" : "Activate without sending an email").ConfigureAwait(false))
        {
            return null;
        }

        var after = await TransitionAsync(_directory, user, operation, s => s != before, ct).ConfigureAwait(false);
        return Result("Enable", ProvisioningOutcome.Enabled, after, before);
    }

    public async Task<UserChange?> DisableAsync(string idOrLogin, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var user = await _directory.GetUserAsync(idOrLogin, ct).ConfigureAwait(false);
        var before = user.Status ?? string.Empty;
        if (before is "STAGED" or "SUSPENDED" or "DEPROVISIONED")
        {
            return Result("Disable", ProvisioningOutcome.AlreadyDisabled, user, before);
        }

        if (!await confirm.AllowsAsync(OktaDirectory.Describe(user), "Suspend").ConfigureAwait(false))
        {
            return null;
        }

        try
        {
            var after = await TransitionAsync(_directory, user, "suspend", s => s == "SUSPENDED", ct).ConfigureAwait(false);
            return Result("Disable", ProvisioningOutcome.Disabled, after, before);
        }
        catch (OktaApiException refused) when (refused.StatusCode == 400 && before != "ACTIVE")
        {
            throw new OktaOperationException("OktaInvalidUserStatus", OktaFailureKind.InvalidOperation,
                $"Okta suspends only ACTIVE users; {OktaDirectory.Describe(user)} is {before}. {refused.Message}", refused);
        }
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



    private static UserChange Result(string action, ProvisioningOutcome outcome, OktaUser user, string before) => new()
    {
        Action = action,
        Outcome = outcome,
        UserId = user.Id,
        Login = user.Profile.Login ?? string.Empty,
        Email = user.Profile.Email,
        Status = user.Status,
        PreviousStatus = before,
    };
}
