namespace OktaBaton.Simulator.Model;

internal sealed class OktaUser
{
    public OktaUser(int index, string id, UserProfile profile)
    {
        Index = index;
        Id = id;
        Profile = profile;
    }

    public int Index { get; }
    public string Id { get; }
    public UserProfile Profile { get; set; }
    public string Status { get; set; } = UserStatus.Active;
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset? Activated { get; set; }
    public DateTimeOffset? StatusChanged { get; set; }
    public DateTimeOffset? LastLogin { get; set; }
    public DateTimeOffset LastUpdated { get; set; }
    public DateTimeOffset? PasswordChanged { get; set; }
    public string ProviderType { get; set; } = "OKTA";
    public string ProviderName { get; set; } = "OKTA";
    public bool Deleted { get; set; }
    /// <summary>Enrolled MFA factors; reset_factors empties the list.</summary>
    public List<UserFactor> Factors { get; } = new();
    /// <summary>The user has an Okta password (not a federated user, not one who never set one).</summary>
    public bool HasPassword => PasswordChanged is not null && ProviderType == "OKTA";
}
