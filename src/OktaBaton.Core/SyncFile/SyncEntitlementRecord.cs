using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>An entitlement of a sync file as a flat, CSV-ready record.</summary>
public sealed class SyncEntitlementRecord
{
    internal SyncEntitlementRecord(Entitlement entitlement, string? resourceName)
    {
        EntitlementId = entitlement.Id;
        ResourceType = entitlement.Resource.ResourceType;
        ResourceId = entitlement.Resource.Resource;
        ResourceName = resourceName;
        Slug = entitlement.Slug;
        DisplayName = entitlement.DisplayName;
        Purpose = entitlement.Purpose;
        GrantableTo = string.Join(",", entitlement.GrantableTo);
    }

    public string EntitlementId { get; }

    public string ResourceType { get; }

    public string ResourceId { get; }

    public string? ResourceName { get; }

    public string Slug { get; }

    public string DisplayName { get; }

    public string Purpose { get; }

    /// <summary>Comma-separated principal types, e.g. "user,group".</summary>
    public string GrantableTo { get; }

    /// <summary>What a failing Should or a string shows, e.g. "Salesforce App Access (app:0oa…:access)".</summary>
    public override string ToString() => $"{DisplayName} ({EntitlementId})";
}
