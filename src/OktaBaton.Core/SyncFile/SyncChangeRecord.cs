namespace OktaBaton.Core.SyncFile;

/// <summary>
/// One difference between two sync files as a flat, CSV-ready record. Every record has every column, so a
/// mixed stream of grant and resource changes exports to one CSV: grant columns are null on resource changes
/// and OldStatus/NewStatus are null on grant changes. Change and Kind are names (Added, Grant…), as text in
/// ConvertTo-Json and Export-Csv alike.
/// </summary>
public sealed class SyncChangeRecord
{
    private SyncChangeRecord(SyncChange change, SyncChangeKind kind, string resourceType, string resourceId, string? resourceName)
    {
        ChangeKind = change;
        Change = change.ToString();
        Kind = kind.ToString();
        ResourceType = resourceType;
        ResourceId = resourceId;
        ResourceName = resourceName;
    }

    /// <summary>Added, Removed, HoldingChanged (grants) or StatusChanged (resources): a <see cref="SyncChange"/> name.</summary>
    public string Change { get; }

    /// <summary>Grant or Resource: a <see cref="SyncChangeKind"/> name.</summary>
    public string Kind { get; }

    internal SyncChange ChangeKind { get; }

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

    /// <summary>Grant changes: the principal's status in the file the grant is in (the newer one unless Removed).</summary>
    public string? PrincipalStatus { get; private set; }

    /// <summary>Grant changes: whether the principal holds it directly (in the newer file unless Removed); null for resources.</summary>
    public bool? Direct { get; private set; }

    /// <summary>Grant changes: the groups it is held through, "Okta Admins (00g1)"; null when only direct.</summary>
    public string? Through { get; private set; }

    /// <summary>Grant changes: the group grants it comes through; null when only direct. Prefer Direct and Through.</summary>
    public string? Via { get; private set; }

    /// <summary>Grant changes of admin roles: what the role reaches ("org-wide", its targets, its resource sets).</summary>
    public string? Scope { get; private set; }

    /// <summary>HoldingChanged: how it was held in the older file ("directly; org-wide").</summary>
    public string? OldHolding { get; private set; }

    /// <summary>HoldingChanged: how it is held in the newer file ("directly and through group 'Okta Admins'; org-wide").</summary>
    public string? NewHolding { get; private set; }

    /// <summary>Resource changes: the status in the older file (null when added).</summary>
    public string? OldStatus { get; private set; }

    /// <summary>Resource changes: the status in the newer file (null when removed).</summary>
    public string? NewStatus { get; private set; }

    /// <summary>"Added: alice.anderson@acme.example holds role SUPER_ADMIN through group 'Okta Admins'", "StatusChanged: user …".</summary>
    public override string ToString() => ChangeKind switch
    {
        SyncChange.StatusChanged => $"{Change}: {ResourceType} '{ResourceName ?? ResourceId}' {OldStatus} → {NewStatus}",
        SyncChange.HoldingChanged => $"{Change}: {PrincipalLogin ?? PrincipalName ?? PrincipalId} on {EntitlementId}: {OldHolding} → {NewHolding}",
        _ when GrantId is null => $"{Change}: {ResourceType} '{ResourceName ?? ResourceId}'",
        _ => $"{Change}: {_grantText}",
    };

    private string? _grantText;

    /// <summary>How a grant is held, comparable between files: "directly; org-wide".</summary>
    internal static string HoldingOf(SyncGrantRecord grant) => grant.Scope is null ? grant.HowHeld : grant.HowHeld + "; " + grant.Scope;

    internal static SyncChangeRecord ForGrant(SyncChange change, SyncGrantRecord grant, string? oldHolding = null) =>
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
            PrincipalStatus = grant.PrincipalStatus,
            Direct = grant.Direct,
            Through = grant.Through,
            Via = grant.Via,
            Scope = grant.Scope,
            OldHolding = oldHolding,
            NewHolding = oldHolding is null ? null : HoldingOf(grant),
            _grantText = grant.ToString(),
        };

    internal static SyncChangeRecord ForResource(SyncChange change, string resourceType, string resourceId, string? resourceName, string? oldStatus, string? newStatus) =>
        new(change, SyncChangeKind.Resource, resourceType, resourceId, resourceName)
        {
            OldStatus = oldStatus,
            NewStatus = newStatus,
        };
}
