namespace OktaBaton.Simulator.Model;

internal sealed class CustomRole
{
    public CustomRole(string id, string label, string description)
    {
        Id = id;
        Label = label;
        Description = description;
    }

    public string Id { get; }
    public string Label { get; set; }
    public string Description { get; }
    public List<string> Permissions { get; } = new();
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset LastUpdated { get; set; }
}
