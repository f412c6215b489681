using System.Text.Json;
using OktaBaton.Simulator.Http;

namespace OktaBaton.Simulator.Model;

/// <summary>
/// The default user profile schema (<see cref="OrgState.UserProfileAttributes"/>: Okta's 31 base attributes plus the
/// org's custom ones). Okta refuses a profile naming an attribute the schema does not define with 400 E0000001 "Api validation
/// failed: newUser" (seen in okta/terraform-provider-okta's invalid-custom-attribute test; the cause's wording is
/// the simulator's), and a required base attribute sent blank.
/// </summary>
internal static class UserSchema
{
    private static readonly string[] Required = { "login", "email", "firstName", "lastName" };

    public static bool Defines(OrgState org, string attribute) => org.UserProfileAttributes.Contains(attribute);

    public static void RejectUndefined(JsonElement profile, OrgState org, string objectName)
    {
        var causes = profile.EnumerateObject()
            .Where(p => !Defines(org, p.Name))
            .Select(p => $"{p.Name}: Property name '{p.Name}' is not defined in profile schema")
            .ToArray();
        if (causes.Length > 0)
        {
            throw OktaApiException.Validation(objectName, causes);
        }
    }

    /// <summary>A partial update may leave required attributes out, but not send them empty or null.</summary>
    public static void RejectBlankRequired(JsonElement profile)
    {
        var causes = Required
            .Where(name => profile.TryGetProperty(name, out var value)
                && (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString())))
            .Select(name => $"{name}: The field cannot be left blank")
            .ToArray();
        if (causes.Length > 0)
        {
            throw OktaApiException.Validation("user", causes);
        }
    }
}
