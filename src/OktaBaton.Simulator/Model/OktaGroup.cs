namespace OktaBaton.Simulator.Model;

internal sealed class OktaGroup
{
    public const string OktaGroupType = "OKTA_GROUP";
    public const string AppGroupType = "APP_GROUP";
    public const string BuiltInType = "BUILT_IN";

    public OktaGroup(int index, string id, string type, string name)
    {
        Index = index;
        Id = id;
        Type = type;
        Name = name;
    }

    public int Index { get; }
    public string Id { get; }
    public string Type { get; }
    public string Name { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset LastUpdated { get; set; }
    public DateTimeOffset LastMembershipUpdated { get; set; }
    public SortedIntSet Members { get; } = new();
    /// <summary>Apps this group is assigned to (app indexes).</summary>
    public SortedIntSet Apps { get; } = new();
    /// <summary>For APP_GROUP: the app it was imported from.</summary>
    public int? SourceAppIndex { get; set; }
    public bool Deleted { get; set; }
}
