using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

/// <summary>
/// A binding of a role to a resource set (GET /iam/resource-sets/{id}/bindings lists them under "roles");
/// <see cref="Id"/> is the role id.
/// </summary>
public sealed class OktaResourceSetBinding
{
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("_links")]
    public OktaLinks? Links { get; set; }
}
