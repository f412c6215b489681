using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

public sealed class OktaAppUserCredentials
{
    public string? UserName { get; set; }

    /// <summary>Other credential fields (password objects), kept opaque.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
