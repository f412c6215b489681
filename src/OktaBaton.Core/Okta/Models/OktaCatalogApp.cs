using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

/// <summary>
/// An APP_ADMIN role target (GET …/roles/{id}/targets/catalog/apps): an app instance carries its <see cref="Id"/>, an
/// OIN catalog app (every instance of it) only its <see cref="Name"/>.
/// </summary>
public sealed class OktaCatalogApp
{
    public string? Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? DisplayName { get; set; }

    [JsonPropertyName("_links")]
    public OktaLinks? Links { get; set; }
}
