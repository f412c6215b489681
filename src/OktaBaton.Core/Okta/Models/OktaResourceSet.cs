using System;
using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

/// <summary>A resource set from /api/v1/iam/resource-sets (listed under "resource-sets").</summary>
public sealed class OktaResourceSet
{
    public string Id { get; set; } = string.Empty;

    public string? Label { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset? Created { get; set; }

    public DateTimeOffset? LastUpdated { get; set; }

    [JsonPropertyName("_links")]
    public OktaLinks? Links { get; set; }
}
