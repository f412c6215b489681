using System.Collections.Generic;

namespace OktaBaton.Core.Model;

/// <summary>The resource types a sync knows, in the order a sync file lists them.</summary>
public static class ResourceTypes
{
    public const string User = "user";
    public const string Group = "group";
    public const string App = "app";
    public const string Role = "role";
    public const string CustomRole = "custom-role";
    public const string ResourceSet = "resource-set";
    public const string ResourceSetBinding = "resourceset-binding";
    public const string ApiToken = "api-token";
    public const string Device = "device";

    public static IReadOnlyList<ResourceTypeInfo> All { get; } = new[]
    {
        new ResourceTypeInfo(User, "User", "user"),
        new ResourceTypeInfo(Group, "Group", "group"),
        new ResourceTypeInfo(App, "App", "app"),
        new ResourceTypeInfo(Role, "Role", "role"),
        new ResourceTypeInfo(CustomRole, "Custom Role", "role"),
        new ResourceTypeInfo(ResourceSet, "Resource Set", null),
        new ResourceTypeInfo(ResourceSetBinding, "Resource Set Binding", null),
        new ResourceTypeInfo(ApiToken, "API Token", "secret"),
        new ResourceTypeInfo(Device, "Device", "managed_device"),
    };

    public static ResourceTypeInfo? Find(string id)
    {
        foreach (var type in All)
        {
            if (string.Equals(type.Id, id, System.StringComparison.OrdinalIgnoreCase)) return type;
        }
        return null;
    }
}
