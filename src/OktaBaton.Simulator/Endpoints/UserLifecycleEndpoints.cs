using OktaBaton.Simulator.Auth;
using OktaBaton.Simulator.Http;
using OktaBaton.Simulator.Json;
using OktaBaton.Simulator.Model;
using OktaBaton.Simulator.SystemLog;

namespace OktaBaton.Simulator.Endpoints;

/// <summary>
/// A user's lifecycle: POST /users/{id}/lifecycle/{operation} by the rules of <see cref="UserTransitions"/>,
/// DELETE /users/{id} (deactivates first, deletes on the second call) and the factors reset_factors clears.
/// </summary>
internal static class UserLifecycleEndpoints
{
    public static void Map(Router router)
    {
        router.Delete("/api/v1/users/{id}", Permission.ManageUsers, Delete);
        router.Post("/api/v1/users/{id}/lifecycle/{action}", Permission.ManageUsers, Lifecycle);
        router.Get("/api/v1/users/{id}/factors", Permission.ReadUsers, Factors);
    }

    private static void Lifecycle(ApiRequest request, OrgState org)
    {
        var user = org.GetUser(request.Route("id"));
        var operation = request.Route("action").ToLowerInvariant();
        if (UserTransitions.Refusal(operation, user) is { } refusal)
        {
            throw refusal;
        }
        var now = org.Now;
        var json = request.Json;
        switch (operation)
        {
            case UserTransitions.Activate:
                org.ActivateUser(user, now);
                // sendEmail defaults to true; without the e-mail Okta returns the activation link instead
                WriteActivationToken(request, user, request.QueryFlag("sendEmail", true));
                return;
            case UserTransitions.Reactivate:
                // restarts activation; sendEmail defaults to false here (spec: reactivateUser)
                org.ChangeUserStatus(user, UserStatus.Provisioned, EventTypes.UserReactivate, "Reactivate Okta user", now);
                WriteActivationToken(request, user, request.QueryFlag("sendEmail", false));
                return;
            case UserTransitions.Deactivate:
                org.DeactivateUser(user, now);
                break;
            case UserTransitions.Suspend:
                org.ChangeUserStatus(user, UserStatus.Suspended, EventTypes.UserSuspend, "Suspend Okta user", now);
                break;
            case UserTransitions.Unsuspend:
                org.ChangeUserStatus(user, UserStatus.Active, EventTypes.UserUnsuspend, "Unsuspend Okta user", now);
                break;
            case UserTransitions.Unlock:
                if (user.Status == UserStatus.LockedOut)
                {
                    org.ChangeUserStatus(user, UserStatus.Active, EventTypes.UserUnlockByAdmin, "Unlock user account by admin", now);
                }
                else
                {
                    // an ACTIVE user blocked from unknown devices is unblocked and stays ACTIVE
                    org.RecordUserLifecycle(user, EventTypes.UserUnlockByAdmin, "Unlock user account by admin");
                }
                break;
            case UserTransitions.ExpirePassword:
                if (user.Status == UserStatus.PasswordExpired)
                {
                    org.RecordUserLifecycle(user, EventTypes.UserExpirePassword, "Expire user password");
                }
                else
                {
                    org.ChangeUserStatus(user, UserStatus.PasswordExpired, EventTypes.UserExpirePassword, "Expire user password", now);
                }
                OktaJson.WriteUser(json, user, org, request.BaseUrl);
                return;
            case UserTransitions.ResetFactors:
                org.ResetFactors(user, now);
                break;
        }
        json.WriteStartObject();
        json.WriteEndObject();
    }

    private static void WriteActivationToken(ApiRequest request, OktaUser user, bool emailSent)
    {
        var json = request.Json;
        json.WriteStartObject();
        if (!emailSent)
        {
            json.WriteString("activationUrl", $"{request.BaseUrl}/welcome/{user.Id}");
            json.WriteString("activationToken", "XE6wE17zmphl3KqAPFxO");
        }
        json.WriteEndObject();
    }

    /// <summary>Okta deactivates a user on the first DELETE and deletes it permanently on the second (spec: deleteUser).</summary>
    private static void Delete(ApiRequest request, OrgState org)
    {
        var user = org.GetUser(request.Route("id"));
        var now = org.Now;
        if (user.Status != UserStatus.Deprovisioned)
        {
            org.DeactivateUser(user, now);
        }
        else
        {
            org.DeleteUser(user, now);
        }
        request.NoContent();
    }

    private static void Factors(ApiRequest request, OrgState org)
    {
        var user = org.GetUser(request.Route("id"));
        var json = request.Json;
        json.WriteStartArray();
        foreach (var factor in user.Factors)
        {
            OktaJson.WriteFactor(json, factor, user, request.BaseUrl);
        }
        json.WriteEndArray();
    }
}
