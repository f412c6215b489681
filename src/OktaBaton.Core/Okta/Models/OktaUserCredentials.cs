using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

/// <summary>Only the provider is typed; password/recovery fields are kept opaque and never shown.</summary>
public sealed class OktaUserCredentials
{
    public OktaCredentialsProvider? Provider { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
