using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

/// <summary>A user holding an admin role (GET /iam/assignees/users, listed under "value").</summary>
public sealed class OktaAssignee
{
    /// <summary>The user id.</summary>
    public string Id { get; set; } = string.Empty;

    public string? Orn { get; set; }

    [JsonPropertyName("_links")]
    public OktaLinks? Links { get; set; }
}
