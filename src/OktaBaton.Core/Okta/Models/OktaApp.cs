using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

public sealed class OktaApp
{
    public string Id { get; set; } = string.Empty;

    /// <summary>The app's key in the catalog, e.g. "bookmark" or "salesforce".</summary>
    public string? Name { get; set; }

    public string? Label { get; set; }

    /// <summary>ACTIVE, INACTIVE or DELETED.</summary>
    public string? Status { get; set; }

    public string? SignOnMode { get; set; }

    public DateTimeOffset? Created { get; set; }

    public DateTimeOffset? LastUpdated { get; set; }

    [JsonPropertyName("_links")]
    public OktaLinks? Links { get; set; }

    /// <summary>Everything else (settings, credentials, features…), kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
