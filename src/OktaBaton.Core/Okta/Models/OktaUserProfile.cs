using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

/// <summary>A user's profile: the base attributes typed, every other (custom) attribute kept in <see cref="Extra"/>.</summary>
public sealed class OktaUserProfile
{
    public string? Login { get; set; }

    public string? Email { get; set; }

    public string? SecondEmail { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>Attributes not typed above (custom ones included), exactly as Okta sent them.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement> Extra { get; set; } = new();
}
