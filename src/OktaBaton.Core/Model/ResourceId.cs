using System;

namespace OktaBaton.Core.Model;

/// <summary>A baton-style resource id: the resource type and the id within that type, e.g. {user, 00u1ab}.</summary>
public sealed class ResourceId : IEquatable<ResourceId>, IComparable<ResourceId>
{
    public ResourceId(string resourceType, string resource)
    {
        if (string.IsNullOrEmpty(resourceType)) throw new ArgumentException("A resource type is required.", nameof(resourceType));
        if (string.IsNullOrEmpty(resource)) throw new ArgumentException("A resource id is required.", nameof(resource));
        ResourceType = resourceType;
        Resource = resource;
    }

    public string ResourceType { get; }

    public string Resource { get; }

    public bool Equals(ResourceId? other) =>
        other is not null && string.Equals(ResourceType, other.ResourceType, StringComparison.Ordinal)
        && string.Equals(Resource, other.Resource, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ResourceId);

    public override int GetHashCode() =>
        unchecked((StringComparer.Ordinal.GetHashCode(ResourceType) * 397) ^ StringComparer.Ordinal.GetHashCode(Resource));

    public int CompareTo(ResourceId? other)
    {
        if (other is null) return 1;
        var byType = string.CompareOrdinal(ResourceType, other.ResourceType);
        return byType != 0 ? byType : string.CompareOrdinal(Resource, other.Resource);
    }

    /// <summary>"user:00u1ab", the prefix of entitlement and grant ids.</summary>
    public override string ToString() => ResourceType + ":" + Resource;
}
