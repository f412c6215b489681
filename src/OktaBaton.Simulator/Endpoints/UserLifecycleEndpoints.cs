using OktaBaton.Simulator.Auth;
using OktaBaton.Simulator.Http;
using OktaBaton.Simulator.Json;
using OktaBaton.Simulator.Model;

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
        var now = DateTimeOffset.UtcNow;
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
                org.SetUserStatus(user, UserStatus.Provisioned, now);
                WriteActivationToken(request, user, request.QueryFlag("sendEmail", false));
                return;
            case UserTransitions.Deactivate:
                org.DeactivateUser(user, now);
                break;
            case UserTransitions.Suspend:
                org.SetUserStatus(user, UserStatus.Suspended, now);
                break;
            case UserTransitions.Unsuspend:
                org.SetUserStatus(user, UserStatus.Active, now);
                break;
            case UserTransitions.Unlock:
                if (user.Status == UserStatus.LockedOut)
                {
                    org.SetUserStatus(user, UserStatus.Active, now);
                }
                break;
            case UserTransitions.ExpirePassword:
                if (user.Status != UserStatus.PasswordExpired)
                {
                    org.SetUserStatus(user, UserStatus.PasswordExpired, now);
                }
                OktaJson.WriteUser(json, user, org, request.BaseUrl);
                return;
            case UserTransitions.ResetFactors:
                user.Factors.Clear();
                user.LastUpdated = now;
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
        var now = DateTimeOffset.UtcNow;
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
