namespace OktaBaton.Simulator.Model;

internal sealed class OktaApp
{
    public OktaApp(int index, string id, string name, string label)
    {
        Index = index;
        Id = id;
        Name = name;
        Label = label;
    }

    public int Index { get; }
    public string Id { get; }
    public string Name { get; }
    public string Label { get; set; }
    public string Status { get; set; } = "ACTIVE";
    public string SignOnMode { get; set; } = "SAML_2_0";
    /// <summary>credentials.userNameTemplate.template: how Okta names a user assigned without a userName.</summary>
    public string UserNameTemplate { get; set; } = Model.UserNameTemplate.OktaUsername;
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset LastUpdated { get; set; }
    /// <summary>Every app user (direct and through groups), pageable by user index.</summary>
    public SortedIntSet UserIndexes { get; } = new();
    public Dictionary<int, AppUserAssignment> Users { get; } = new();
    public SortedIntSet GroupIndexes { get; } = new();
    public Dictionary<int, AppGroupAssignment> Groups { get; } = new();
}
