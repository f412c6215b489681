using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

/// <summary>API token metadata (GET /api/v1/api-tokens): never the token value.</summary>
public sealed class OktaApiToken
{
    public string Id { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string? UserId { get; set; }

    public string? ClientName { get; set; }

    /// <summary>ISO 8601 duration, e.g. PT720H.</summary>
    public string? TokenWindow { get; set; }

    public OktaApiTokenNetwork? Network { get; set; }

    public DateTimeOffset? Created { get; set; }

    public DateTimeOffset? LastUpdated { get; set; }

    /// <summary>Null for tokens that do not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
