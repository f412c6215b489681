namespace OktaBaton.Core.SyncFile;

/// <summary>A grant of a sync file as a flat, CSV-ready record, with the names of what it joins.</summary>
public sealed class SyncGrantRecord
{
    internal SyncGrantRecord(string grantId, string entitlementId, string resourceType, string resourceId, string? resourceName, string slug,
        string principalType, string principalId, PrincipalInfo? principal, string? via)
    {
        GrantId = grantId;
        EntitlementId = entitlementId;
        ResourceType = resourceType;
        ResourceId = resourceId;
        ResourceName = resourceName;
        Slug = slug;
        PrincipalType = principalType;
        PrincipalId = principalId;
        PrincipalName = principal?.Name;
        PrincipalLogin = principal?.Login;
        PrincipalEmail = principal?.Email;
        Via = via;
    }

    public string GrantId { get; }

    public string EntitlementId { get; }

    public string ResourceType { get; }

    public string ResourceId { get; }

    public string? ResourceName { get; }

    public string Slug { get; }

    public string PrincipalType { get; }

    public string PrincipalId { get; }

    public string? PrincipalName { get; }

    public string? PrincipalLogin { get; }

    public string? PrincipalEmail { get; }

    /// <summary>For an inherited grant (-Expand): the id of the group grant it comes from; null for direct grants.</summary>
    public string? Via { get; }
}

internal sealed class PrincipalInfo
{
    public PrincipalInfo(string name, string? login, string? email)
    {
        Name = name;
        Login = login;
        Email = email;
    }

    public string Name { get; }

    public string? Login { get; }

    public string? Email { get; }
}
