using System;
using System.Collections.Generic;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// What a query learns about a file's resources and entitlements in its validating pass: one small entry per
/// resource (name, login, e-mail, status) and the entitlement ids, to name what grants join and to check the filter's ids.
/// </summary>
internal sealed class QueryIndex
{
    private readonly Dictionary<ResourceId, ResourceInfo> _resources = new();
    private readonly Dictionary<string, ResourceId> _usersByAddress = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _entitlements = new(StringComparer.Ordinal);

    public SyncFileVisitor Visitor(Action<Grant>? grant = null) => new()
    {
        Resource = Add,
        Entitlement = entitlement => _entitlements.Add(entitlement.Id),
        Grant = grant,
    };

    public void Add(Resource resource)
    {
        var user = resource.Trait("user");
        var info = new ResourceInfo(resource.DisplayName, user?.GetString("login"), resource.Profile.GetString("email"),
            user?.GetString("oktaStatus"));
        _resources[resource.Id] = info;
        if (resource.Id.ResourceType != ResourceTypes.User) return;
        if (info.Login is not null) _usersByAddress[info.Login] = resource.Id;
        if (info.Email is not null && !_usersByAddress.ContainsKey(info.Email)) _usersByAddress[info.Email] = resource.Id;
    }

    public ResourceInfo? Find(ResourceId id) => _resources.TryGetValue(id, out var info) ? info : null;

    public string? NameOf(ResourceId id) => Find(id)?.Name;

    public bool HasResource(ResourceId id) => _resources.ContainsKey(id);

    public bool HasEntitlement(string entitlementId) => _entitlements.Contains(entitlementId);

    public IEnumerable<string> EntitlementIds => _entitlements;

    public IEnumerable<ResourceId> ResourceIds => _resources.Keys;

    /// <summary>The user whose login or e-mail is <paramref name="address"/> (case-insensitively), or null.</summary>
    public ResourceId? UserByAddress(string address) => _usersByAddress.TryGetValue(address, out var id) ? id : null;
}

/// <summary>A resource as a query names it.</summary>
internal sealed class ResourceInfo
{
    public ResourceInfo(string name, string? login, string? email, string? status)
    {
        Name = name;
        Login = login;
        Email = email;
        Status = status;
    }

    public string Name { get; }

    public string? Login { get; }

    public string? Email { get; }

    /// <summary>A user's Okta status (ACTIVE, SUSPENDED, …).</summary>
    public string? Status { get; }
}
