namespace OktaBaton.Core.SyncFile;

/// <summary>The order a lane's items land in the file.</summary>
public enum LaneOrder
{
    /// <summary>As they were written.</summary>
    AsWritten,

    /// <summary>Resources by id; entitlements and grants as written.</summary>
    ResourcesById,

    /// <summary>Resources, entitlements and grants by the id of the resource they belong to (grants of one entitlement as written).</summary>
    ById,
}
