using System;
using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

public sealed class OktaUser
{
    public string Id { get; set; } = string.Empty;

    /// <summary>ACTIVE, DEPROVISIONED, LOCKED_OUT, PASSWORD_EXPIRED, PROVISIONED, RECOVERY, STAGED, SUSPENDED.</summary>
    public string? Status { get; set; }

    public DateTimeOffset? Created { get; set; }

    public DateTimeOffset? Activated { get; set; }

    public DateTimeOffset? StatusChanged { get; set; }

    public DateTimeOffset? LastLogin { get; set; }

    public DateTimeOffset? LastUpdated { get; set; }

    public DateTimeOffset? PasswordChanged { get; set; }

    public OktaUserType? Type { get; set; }

    public OktaUserProfile Profile { get; set; } = new();

    public OktaUserCredentials? Credentials { get; set; }

    [JsonPropertyName("_links")]
    public OktaLinks? Links { get; set; }
}
