using System.Collections.Generic;
using System.Linq;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// What an admin-role holding reaches, from the scopes of the grants it comes from (the principal's own and its
/// groups'): org-wide as soon as one of them is, else everything any of them is limited to.
/// </summary>
internal sealed class GrantReach
{
    public static readonly GrantReach NotARole = new(null, false, null);

    private readonly QueryIndex? _index;
    private readonly bool _isRole;
    private readonly string? _bindingSet;
    private readonly List<string> _groups = new();
    private readonly List<AppScope> _apps = new();
    private readonly List<string> _resourceSets = new();
    private bool _orgWide;

    private GrantReach(QueryIndex? index, bool isRole, string? bindingSet)
    {
        _index = index;
        _isRole = isRole;
        _bindingSet = bindingSet;
    }

    /// <summary>An empty reach for an entitlement on <paramref name="resource"/>; roles, custom roles and bindings have one.</summary>
    public static GrantReach For(ResourceId resource, QueryIndex index) => resource.ResourceType switch
    {
        ResourceTypes.Role or ResourceTypes.CustomRole => new GrantReach(index, true, null),
        ResourceTypes.ResourceSetBinding => new GrantReach(index, true, resource.Resource.Split(':')[0]),
        _ => NotARole,
    };

    /// <summary>Adds what one grant reaches: null is org-wide.</summary>
    public GrantReach Add(GrantScope? scope)
    {
        if (!_isRole) return this;
        if (scope is null)
        {
            _orgWide = true;
            return this;
        }
        foreach (var group in scope.GroupIds) if (!_groups.Contains(group)) _groups.Add(group);
        foreach (var app in scope.Apps) if (!_apps.Contains(app)) _apps.Add(app);
        foreach (var set in scope.ResourceSetIds) if (!_resourceSets.Contains(set)) _resourceSets.Add(set);
        return this;
    }

    private bool Limited => !_orgWide && (_groups.Count + _apps.Count + _resourceSets.Count > 0);

    public string? Describe()
    {
        if (!_isRole) return null;
        if (_bindingSet is not null) return "resource set " + Quote(ResourceTypes.ResourceSet, _bindingSet);
        if (!Limited) return "org-wide";
        var parts = new List<string>();
        if (_groups.Count > 0) parts.Add((_groups.Count == 1 ? "group " : "groups ") + string.Join(", ", _groups.Select(g => Quote(ResourceTypes.Group, g))));
        if (_apps.Count > 0)
        {
            parts.Add((_apps.Count == 1 ? "app " : "apps ") + string.Join(", ", _apps.Select(a => a.Id is null ? $"every '{a.Name}' app" : Quote(ResourceTypes.App, a.Id))));
        }
        if (_resourceSets.Count > 0) parts.Add((_resourceSets.Count == 1 ? "resource set " : "resource sets ") + string.Join(", ", _resourceSets.Select(s => Quote(ResourceTypes.ResourceSet, s))));
        return string.Join("; ", parts);
    }

    public IEnumerable<string> TypedIds()
    {
        if (_bindingSet is not null) return new[] { ResourceTypes.ResourceSet + ":" + _bindingSet };
        return Limited ? new GrantScope(_groups, _apps, _resourceSets).TypedIds() : Enumerable.Empty<string>();
    }

    private string Quote(string type, string id) => "'" + (_index?.NameOf(new ResourceId(type, id)) ?? id) + "'";
}
