using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

/// <summary>A group's assignment to an app (GET /apps/{id}/groups); <see cref="Id"/> is the group id.</summary>
public sealed class OktaAppGroup
{
    public string Id { get; set; } = string.Empty;

    public int? Priority { get; set; }

    public DateTimeOffset? LastUpdated { get; set; }

    public Dictionary<string, JsonElement>? Profile { get; set; }

    /// <summary>With expand=group: {"group": the group}.</summary>
    [JsonPropertyName("_embedded")]
    public Dictionary<string, JsonElement>? Embedded { get; set; }

    [JsonPropertyName("_links")]
    public OktaLinks? Links { get; set; }
}
