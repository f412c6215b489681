using System;
using System.Linq;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// A baton-style entitlement id, <c>{resourceType}:{resourceId}:{slug}</c>: <c>group:00g1:member</c>,
/// <c>app:0oa1:access</c>, <c>role:SUPER_ADMIN:assigned</c>, <c>custom-role:cr01:assigned</c>,
/// <c>resourceset-binding:iam1:cr01:member</c> (whose resource id is <c>{resourceSetId}:{customRoleId}</c>).
/// </summary>
public sealed class EntitlementReference
{
    public const string GroupType = "group";
    public const string AppType = "app";
    public const string RoleType = "role";
    public const string CustomRoleType = "custom-role";
    public const string ResourceSetBindingType = "resourceset-binding";

    private EntitlementReference(string resourceType, string resourceId, string slug)
    {
        ResourceType = resourceType;
        ResourceId = resourceId;
        Slug = slug;
    }

    public string ResourceType { get; }

    public string ResourceId { get; }

    public string Slug { get; }

    public string Id => ResourceType + ":" + ResourceId + ":" + Slug;

    /// <summary>For a resource-set binding: the resource set id (iam…).</summary>
    public string BindingResourceSetId => ResourceId.Split(':')[0];

    /// <summary>For a resource-set binding: the custom role id (cr0…).</summary>
    public string BindingRoleId => ResourceId.Split(':')[1];

    public static EntitlementReference GroupMember(string groupId) => Create(GroupType, groupId, "member");

    public static EntitlementReference AppAccess(string appId) => Create(AppType, appId, "access");

    public static EntitlementReference Role(string roleType) => Create(RoleType, roleType, "assigned");

    public static EntitlementReference CustomRole(string customRoleId) => Create(CustomRoleType, customRoleId, "assigned");

    public static EntitlementReference Binding(string resourceSetId, string customRoleId) =>
        new(ResourceSetBindingType, Required(resourceSetId, "resource set id") + ":" + Required(customRoleId, "custom role id"), "member");

    /// <summary>Reads an entitlement id; throws OktaInvalidEntitlementId naming what is wrong.</summary>
    public static EntitlementReference Parse(string? entitlementId)
    {
        var text = (entitlementId ?? string.Empty).Trim();
        var parts = text.Split(':');
        if (parts.Length < 3 || parts.Any(p => p.Length == 0))
        {
            throw Invalid(text, "expected '{resourceType}:{resourceId}:{slug}', e.g. 'group:00g1ab:member'");
        }

        var type = parts[0].ToLowerInvariant();
        var slug = parts[parts.Length - 1];
        var resourceId = string.Join(":", parts, 1, parts.Length - 2);
        var expectedParts = type == ResourceSetBindingType ? 4 : 3;
        if (parts.Length != expectedParts)
        {
            throw Invalid(text, type == ResourceSetBindingType
                ? "a resource-set binding entitlement reads 'resourceset-binding:{resourceSetId}:{customRoleId}:member'"
                : "expected '{resourceType}:{resourceId}:{slug}'");
        }

        var expectedSlug = type switch
        {
            GroupType or ResourceSetBindingType => "member",
            AppType => "access",
            RoleType or CustomRoleType => "assigned",
            _ => throw Invalid(text, $"resource type '{parts[0]}' has no provisionable entitlement (group, app, role, custom-role, resourceset-binding)"),
        };
        if (!string.Equals(slug, expectedSlug, StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(text, $"a {type} entitlement's slug is '{expectedSlug}', not '{slug}'");
        }

        return new EntitlementReference(type, resourceId, expectedSlug);
    }

    /// <summary>
    /// Splits a grant id, <c>{entitlementId}:{principalType}:{principalId}</c>, into its entitlement and principal.
    /// </summary>
    public static (EntitlementReference Entitlement, PrincipalReference Principal) ParseGrantId(string? grantId)
    {
        var text = (grantId ?? string.Empty).Trim();
        var parts = text.Split(':');
        if (parts.Length < 5)
        {
            throw new OktaOperationException("OktaInvalidGrantId", OktaFailureKind.InvalidArgument,
                $"'{text}' is not a grant id: expected '{{entitlementId}}:{{principalType}}:{{principalId}}', e.g. 'group:00g1:member:user:00u1'.");
        }

        var entitlement = Parse(string.Join(":", parts, 0, parts.Length - 2));
        var principal = PrincipalReference.Parse(parts[parts.Length - 2], parts[parts.Length - 1]);
        return (entitlement, principal);
    }

    public override string ToString() => Id;

    private static EntitlementReference Create(string type, string resourceId, string slug) =>
        new(type, Required(resourceId, type + " id"), slug);

    private static string Required(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.IndexOf(':') >= 0)
        {
            throw new OktaOperationException("OktaInvalidEntitlementId", OktaFailureKind.InvalidArgument,
                $"A {what} is required and cannot contain ':' (got '{value}').");
        }

        return value.Trim();
    }

    private static OktaOperationException Invalid(string text, string why) =>
        new("OktaInvalidEntitlementId", OktaFailureKind.InvalidArgument, $"'{text}' is not a provisionable entitlement id: {why}.");
}
