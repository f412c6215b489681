using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

/// <summary>One HAL link: {"href": "..."}.</summary>
public sealed class OktaLink
{
    [JsonPropertyName("href")]
    public string? Href { get; set; }
}
