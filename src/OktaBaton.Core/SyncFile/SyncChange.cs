namespace OktaBaton.Core.SyncFile;

/// <summary>What happened to a grant or resource between two sync files.</summary>
public enum SyncChange
{
    /// <summary>In the newer (difference) file only.</summary>
    Added,

    /// <summary>In the older (reference) file only.</summary>
    Removed,

    /// <summary>A resource in both files whose status differs (e.g. a user ACTIVE → SUSPENDED).</summary>
    StatusChanged,
}
