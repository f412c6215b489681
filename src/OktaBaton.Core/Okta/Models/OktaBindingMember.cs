using System;
using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

/// <summary>
/// A member of a resource-set binding (listed under "members"). Its self link names the user or group:
/// https://{org}/api/v1/users/{id} or …/groups/{id}.
/// </summary>
public sealed class OktaBindingMember
{
    /// <summary>The membership's id (used to remove it), not the user's or group's.</summary>
    public string Id { get; set; } = string.Empty;

    public DateTimeOffset? Created { get; set; }

    public DateTimeOffset? LastUpdated { get; set; }

    [JsonPropertyName("_links")]
    public OktaLinks? Links { get; set; }

    /// <summary>The member's user or group URL.</summary>
    [JsonIgnore]
    public string? Href => Links?.Self?.Href;
}
