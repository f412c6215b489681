namespace OktaBaton.Core.SyncFile;

/// <summary>
/// One difference between two sync files as a flat, CSV-ready record. Every record has every column, so a
/// mixed stream of grant and resource changes exports to one CSV: grant columns are null on resource changes
/// and OldStatus/NewStatus are null on grant changes.
/// </summary>
public sealed class SyncChangeRecord
{
    private SyncChangeRecord(SyncChange change, SyncChangeKind kind, string resourceType, string resourceId, string? resourceName)
    {
        Change = change;
        Kind = kind;
        ResourceType = resourceType;
        ResourceId = resourceId;
        ResourceName = resourceName;
    }

    public SyncChange Change { get; }

    public SyncChangeKind Kind { get; }

    public string? GrantId { get; private set; }

    public string? EntitlementId { get; private set; }

    public string ResourceType { get; }

    public string ResourceId { get; }

    public string? ResourceName { get; }

    public string? Slug { get; private set; }

    public string? PrincipalType { get; private set; }

    public string? PrincipalId { get; private set; }

    public string? PrincipalName { get; private set; }

    public string? PrincipalLogin { get; private set; }

    public string? PrincipalEmail { get; private set; }

    /// <summary>For an inherited grant (-Expand): the id of the group grant it comes through; null for direct grants.</summary>
    public string? Via { get; private set; }

    /// <summary>Resource changes: the status in the older file (null when added).</summary>
    public string? OldStatus { get; private set; }

    /// <summary>Resource changes: the status in the newer file (null when removed).</summary>
    public string? NewStatus { get; private set; }

    internal static SyncChangeRecord ForGrant(SyncChange change, SyncGrantRecord grant) =>
        new(change, SyncChangeKind.Grant, grant.ResourceType, grant.ResourceId, grant.ResourceName)
        {
            GrantId = grant.GrantId,
            EntitlementId = grant.EntitlementId,
            Slug = grant.Slug,
            PrincipalType = grant.PrincipalType,
            PrincipalId = grant.PrincipalId,
            PrincipalName = grant.PrincipalName,
            PrincipalLogin = grant.PrincipalLogin,
            PrincipalEmail = grant.PrincipalEmail,
            Via = grant.Via,
        };

    internal static SyncChangeRecord ForResource(SyncChange change, string resourceType, string resourceId, string? resourceName, string? oldStatus, string? newStatus) =>
        new(change, SyncChangeKind.Resource, resourceType, resourceId, resourceName)
        {
            OldStatus = oldStatus,
            NewStatus = newStatus,
        };
}
