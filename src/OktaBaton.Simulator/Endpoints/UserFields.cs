using System.Text.Json;
using OktaBaton.Simulator.Json;
using OktaBaton.Simulator.Model;

namespace OktaBaton.Simulator.Endpoints;

/// <summary>User attributes by filter/search field name.</summary>
internal static class UserFields
{
    public static string? Get(OktaUser user, OrgState org, string field) => field switch
    {
        "id" => user.Id,
        "status" => user.Status,
        "type.id" => org.UserTypeId,
        "created" => OktaJson.Timestamp(user.Created),
        "activated" => user.Activated is { } activated ? OktaJson.Timestamp(activated) : null,
        "statusChanged" => user.StatusChanged is { } changed ? OktaJson.Timestamp(changed) : null,
        "lastUpdated" => OktaJson.Timestamp(user.LastUpdated),
        _ when field.StartsWith("profile.", StringComparison.Ordinal) => Profile(user.Profile, field["profile.".Length..]),
        _ => null,
    };

    public static string? Profile(UserProfile profile, string name) => name switch
    {
        "login" => profile.Login,
        "email" => profile.Email,
        "secondEmail" => profile.SecondEmail,
        "firstName" => profile.FirstName,
        "lastName" => profile.LastName,
        "displayName" => profile.DisplayName,
        "employeeNumber" => profile.EmployeeNumber,
        _ when profile.Extra is not null && profile.Extra.TryGetValue(name, out var value) =>
            value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            },
        _ => null,
    };
}
