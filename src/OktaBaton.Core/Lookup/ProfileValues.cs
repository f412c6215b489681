using System;
using System.Collections.Generic;
using System.Text.Json;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Lookup;

/// <summary>Profile attributes by name (case-insensitive), as plain values; prints as one JSON object (a CSV cell).</summary>
public sealed class ProfileValues : Dictionary<string, object?>
{
    private ProfileValues()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    internal static ProfileValues From(OktaUserProfile profile)
    {
        var values = new ProfileValues
        {
            ["login"] = profile.Login,
            ["email"] = profile.Email,
            ["secondEmail"] = profile.SecondEmail,
            ["firstName"] = profile.FirstName,
            ["lastName"] = profile.LastName,
            ["displayName"] = profile.DisplayName,
        };
        foreach (var pair in profile.Extra)
        {
            values[pair.Key] = Plain(pair.Value);
        }
        return values;
    }

    internal static ProfileValues From(IReadOnlyDictionary<string, JsonElement>? attributes)
    {
        var values = new ProfileValues();
        if (attributes is not null)
        {
            foreach (var pair in attributes)
            {
                values[pair.Key] = Plain(pair.Value);
            }
        }
        return values;
    }

    /// <summary>A JSON value as a string, number, boolean, null, or (arrays) an object array.</summary>
    internal static object? Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => ToArray(value),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    private static object?[] ToArray(JsonElement array)
    {
        var items = new List<object?>();
        foreach (var item in array.EnumerateArray())
        {
            items.Add(Plain(item));
        }
        return items.ToArray();
    }

    public override string ToString() => JsonSerializer.Serialize(this);
}
