using OktaBaton.Core.SyncFile;

namespace OktaBaton.Core.Sync.Incremental;

/// <summary>
/// Grants a refresh writes without listing them again: a block of the earlier file as it was, or that block with the
/// users the log names changed (<see cref="BlockPatch"/>).
/// </summary>
internal sealed class CarriedGrants
{
    private readonly GrantBlock? _block;
    private readonly BlockPatch? _patch;
    private readonly string? _entitlementId;
    private (long Users, long Others)? _counts;

    private CarriedGrants(GrantBlock? block, BlockPatch? patch, string? entitlementId)
    {
        _block = block;
        _patch = patch;
        _entitlementId = entitlementId;
        if (patch is null) _counts = (block?.Users ?? 0, (block?.Count ?? 0) - (block?.Users ?? 0));
    }

    /// <summary>Grants to users (members, direct app users); a patched block is read to count them.</summary>
    public long Users => Counts.Users;

    /// <summary>The other grants (to groups, scoped, inherited).</summary>
    public long Others => Counts.Others;

    public long Count => Users + Others;

    private (long Users, long Others) Counts => _counts ??= _patch!.Count();

    /// <summary>The earlier file's block as it was (null: there were no grants).</summary>
    public static CarriedGrants Unchanged(GrantBlock? block) => new(block, null, null);

    public static CarriedGrants Patched(BlockPatch patch, string entitlementId) => new(null, patch, entitlementId);

    public void WriteTo(PreviousSyncFile previous, SyncFileLane lane)
    {
        if (_patch is not null) _patch.WriteTo(lane, _entitlementId!);
        else if (_block is not null) previous.CarryGrants(_block, lane);
    }
}
