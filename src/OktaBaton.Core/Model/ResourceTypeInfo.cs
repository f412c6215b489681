using System;
using System.Collections.Generic;

namespace OktaBaton.Core.Model;

/// <summary>A resource type as the sync file's "resourceTypes" section describes it.</summary>
public sealed class ResourceTypeInfo
{
    public ResourceTypeInfo(string id, string displayName, string? trait)
    {
        Id = id;
        DisplayName = displayName;
        Traits = trait is null ? Array.Empty<string>() : new[] { trait };
    }

    public string Id { get; }

    public string DisplayName { get; }

    /// <summary>Baton traits: "user", "group", "app", "role", "secret", "managed_device".</summary>
    public IReadOnlyList<string> Traits { get; }
}
