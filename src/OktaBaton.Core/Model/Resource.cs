namespace OktaBaton.Core.Model;

/// <summary>A synced thing: a user, group, app, role, custom role, resource set, binding or API token.</summary>
public sealed class Resource
{
    public Resource(ResourceId id, string displayName, PropertyBag? traits = null, PropertyBag? profile = null, string? description = null)
    {
        Id = id;
        DisplayName = displayName;
        Description = description;
        Traits = traits ?? new PropertyBag();
        Profile = profile ?? new PropertyBag();
    }

    public ResourceId Id { get; }

    public string DisplayName { get; }

    public string? Description { get; }

    /// <summary>Trait name ("user", "group", "app", "role", "secret") → that trait's values.</summary>
    public PropertyBag Traits { get; }

    public PropertyBag Profile { get; }

    /// <summary>The values of one trait, e.g. Trait("user")?.GetString("login").</summary>
    public PropertyBag? Trait(string name) => Traits.GetBag(name);
}
