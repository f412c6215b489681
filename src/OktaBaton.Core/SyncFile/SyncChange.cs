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

    /// <summary>
    /// A grant in both files held differently: directly ↔ through groups, through other groups, or reaching more or
    /// less (an admin role's targets).
    /// </summary>
    HoldingChanged,
}
