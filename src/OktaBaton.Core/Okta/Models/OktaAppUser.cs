using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

/// <summary>A user's assignment to an app (GET /apps/{id}/users); <see cref="Id"/> is the user id.</summary>
public sealed class OktaAppUser
{
    public string Id { get; set; } = string.Empty;

    /// <summary>USER (assigned directly) or GROUP (through a group).</summary>
    public string? Scope { get; set; }

    public string? Status { get; set; }

    public string? SyncState { get; set; }

    public DateTimeOffset? Created { get; set; }

    public DateTimeOffset? LastUpdated { get; set; }

    public DateTimeOffset? StatusChanged { get; set; }

    public OktaAppUserCredentials? Credentials { get; set; }

    /// <summary>The app-specific profile, kept whole.</summary>
    public Dictionary<string, JsonElement>? Profile { get; set; }

    [JsonPropertyName("_links")]
    public OktaLinks? Links { get; set; }
}
