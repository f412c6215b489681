namespace OktaBaton.Simulator.Model;

internal sealed class ResourceSet
{
    public ResourceSet(string id, string label, string description)
    {
        Id = id;
        Label = label;
        Description = description;
    }

    public string Id { get; }
    public string Label { get; set; }
    public string Description { get; set; }
    /// <summary>Resource paths relative to the org, e.g. "api/v1/groups/00g…".</summary>
    public List<string> Resources { get; } = new();
    /// <summary>Role id → binding, in creation order.</summary>
    public List<ResourceSetBinding> Bindings { get; } = new();
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset LastUpdated { get; set; }
}
