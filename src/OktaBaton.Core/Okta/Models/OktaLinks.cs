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
}
