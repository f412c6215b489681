namespace OktaBaton.Core.Provisioning;

/// <summary>A principal looked up in Okta: its id (a login resolved), a readable name and description.</summary>
internal sealed class ResolvedPrincipal
{
    public ResolvedPrincipal(PrincipalType type, string id, string name, string description, string? login)
    {
        Type = type;
        Id = id;
        Name = name;
        Description = description;
        Login = login;
    }

    public PrincipalType Type { get; }

    public string Id { get; }

    public string Name { get; }

    /// <summary>"user 'ana@example.com' (00u1…)" or "group 'Engineering' (00g1…)".</summary>
    public string Description { get; }

    /// <summary>A user's login (for app credentials); null for a group.</summary>
    public string? Login { get; }

    public string TypeName => PrincipalReference.TypeName(Type);

    /// <summary>The path segment of Okta's API for this principal: "users/{id}" or "groups/{id}".</summary>
    public string ApiPath => (Type == PrincipalType.User ? "users/" : "groups/") + OktaDirectory.Escape(Id);
}
