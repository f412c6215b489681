namespace OktaBaton.Core.SyncFile;

/// <summary>Whether a change concerns a grant (access) or a resource (a user, group, app, …).</summary>
public enum SyncChangeKind
{
    Grant,
    Resource,
}
