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

    private CarriedGrants(GrantBlock? block, BlockPatch? patch, string? entitlementId, long users, long others)
    {
        _block = block;
        _patch = patch;
        _entitlementId = entitlementId;
        Users = users;
        Others = others;
    }

    /// <summary>Grants to users (members, direct app users).</summary>
    public long Users { get; }

    /// <summary>The other grants (to groups, scoped, inherited).</summary>
    public long Others { get; }

    public long Count => Users + Others;

    /// <summary>The earlier file's block as it was (null: there were no grants).</summary>
    public static CarriedGrants Unchanged(GrantBlock? block) =>
        new(block, null, null, block?.Users ?? 0, (block?.Count ?? 0) - (block?.Users ?? 0));

    public static CarriedGrants Patched(BlockPatch patch, string entitlementId) => new(null, patch, entitlementId, patch.Users, patch.Others);

    public void WriteTo(PreviousSyncFile previous, SyncFileLane lane)
    {
        if (_patch is not null) _patch.WriteTo(lane, _entitlementId!);
        else if (_block is not null) previous.CarryGrants(_block, lane);
    }
}
