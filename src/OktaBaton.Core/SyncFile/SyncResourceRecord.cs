using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>A resource of a sync file as a flat, CSV-ready record.</summary>
public sealed class SyncResourceRecord
{
    internal SyncResourceRecord(Resource resource)
    {
        ResourceType = resource.Id.ResourceType;
        ResourceId = resource.Id.Resource;
        DisplayName = resource.DisplayName;
        Description = resource.Description;
        var user = resource.Trait("user");
        Login = user?.GetString("login");
        Email = resource.Profile.GetString("email");
        Status = user?.GetString("oktaStatus") ?? resource.Profile.GetString("status") ?? resource.Trait("group")?.GetString("type");
        Profile = resource.Profile.ToDictionary();
        Resource = resource;
    }

    public string ResourceType { get; }

    public string ResourceId { get; }

    public string DisplayName { get; }

    public string? Description { get; }

    /// <summary>Users only.</summary>
    public string? Login { get; }

    /// <summary>Users only.</summary>
    public string? Email { get; }

    /// <summary>Okta status of users, apps and devices; the normalised type (native, app_imported, built_in) of groups.</summary>
    public string? Status { get; }

    /// <summary>The resource's profile (for users the whole Okta profile), case-insensitive keys.</summary>
    public System.Collections.Generic.Dictionary<string, object?> Profile { get; }

    /// <summary>The whole resource, traits and profile included.</summary>
    public Resource Resource { get; }

    /// <summary>
    /// What a failing Should or a string shows: the type, the login of a user or the name of anything else, the id and
    /// the status, e.g. "user alice.anderson@acme.example (00u…, ACTIVE)", "role 'Super Administrator' (SUPER_ADMIN)".
    /// </summary>
    public override string ToString()
    {
        var name = Login ?? "'" + DisplayName + "'";
        return string.IsNullOrEmpty(Status) ? $"{ResourceType} {name} ({ResourceId})" : $"{ResourceType} {name} ({ResourceId}, {Status})";
    }
}
