using System;
using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

/// <summary>An admin role assigned to a user or group (GET /users/{id}/roles, /groups/{id}/roles).</summary>
public sealed class OktaRoleAssignment
{
    /// <summary>The assignment's id (used to unassign), not the role's.</summary>
    public string Id { get; set; } = string.Empty;

    public string? Label { get; set; }

    /// <summary>SUPER_ADMIN, APP_ADMIN, …, or CUSTOM.</summary>
    public string? Type { get; set; }

    public string? Status { get; set; }

    /// <summary>USER, GROUP or CLIENT.</summary>
    public string? AssignmentType { get; set; }

    /// <summary>For CUSTOM: the custom role id (cr0…).</summary>
    public string? Role { get; set; }

    /// <summary>For CUSTOM: the resource set id (iam…).</summary>
    [JsonPropertyName("resource-set")]
    public string? ResourceSet { get; set; }

    public DateTimeOffset? Created { get; set; }

    public DateTimeOffset? LastUpdated { get; set; }

    [JsonPropertyName("_links")]
    public OktaLinks? Links { get; set; }

    /// <summary>Who holds the assignment: a user's own, or (on a user's list, assignmentType GROUP) the group it comes through.</summary>
    [JsonIgnore]
    public string? AssigneeHref => Links?.HrefOf("assignee");
}
