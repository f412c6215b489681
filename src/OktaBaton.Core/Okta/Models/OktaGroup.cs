using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

public sealed class OktaGroup
{
    public string Id { get; set; } = string.Empty;

    public DateTimeOffset? Created { get; set; }

    public DateTimeOffset? LastUpdated { get; set; }

    public DateTimeOffset? LastMembershipUpdated { get; set; }

    public IReadOnlyList<string>? ObjectClass { get; set; }

    /// <summary>OKTA_GROUP, APP_GROUP or BUILT_IN.</summary>
    public string? Type { get; set; }

    public OktaGroupProfile Profile { get; set; } = new();

    /// <summary>Present with expand=stats.</summary>
    [JsonPropertyName("_embedded")]
    public OktaGroupEmbedded? Embedded { get; set; }

    [JsonPropertyName("_links")]
    public OktaLinks? Links { get; set; }

    [JsonIgnore]
    public OktaGroupStats? Stats => Embedded?.Stats;
}
