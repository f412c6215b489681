using System.Collections.Generic;

namespace OktaBaton.Core.Model;

/// <summary>Something a principal can hold on a resource: group:00g1:member, role:SUPER_ADMIN:assigned, ….</summary>
public sealed class Entitlement
{
    public Entitlement(ResourceId resource, string slug, string displayName, string purpose, IReadOnlyList<string> grantableTo, string? description = null)
    {
        Resource = resource;
        Slug = slug;
        DisplayName = displayName;
        Purpose = purpose;
        GrantableTo = grantableTo;
        Description = description;
        Id = EntitlementIds.Create(resource, slug);
    }

    public string Id { get; }

    public ResourceId Resource { get; }

    public string Slug { get; }

    public string DisplayName { get; }

    public string? Description { get; }

    /// <summary>"assignment" or "permission" (baton's purposes).</summary>
    public string Purpose { get; }

    public IReadOnlyList<string> GrantableTo { get; }

    public const string AssignmentPurpose = "assignment";
    public const string PermissionPurpose = "permission";

    public static IReadOnlyList<string> ToUsers { get; } = new[] { ResourceTypes.User };
    public static IReadOnlyList<string> ToUsersAndGroups { get; } = new[] { ResourceTypes.User, ResourceTypes.Group };
}
