using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

public sealed class OktaGroupProfile
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>Attributes not typed above (custom or app-group ones), exactly as Okta sent them.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement> Extra { get; set; } = new();
}
