using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

/// <summary>A "_links" object; the links not named here are kept.</summary>
public sealed class OktaLinks
{
    [JsonPropertyName("self")]
    public OktaLink? Self { get; set; }

    [JsonPropertyName("next")]
    public OktaLink? Next { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }

    /// <summary>The href of a link not named above (e.g. "assignee", "group"), or null.</summary>
    public string? HrefOf(string name)
    {
        if (Other is null || !Other.TryGetValue(name, out var link) || link.ValueKind != JsonValueKind.Object) return null;
        return link.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String ? href.GetString() : null;
    }
}
