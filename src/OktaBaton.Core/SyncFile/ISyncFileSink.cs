using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>Where a syncer writes: the sync file itself, or one of its lanes.</summary>
public interface ISyncFileSink
{
    void WriteResource(Resource resource);

    void WriteEntitlement(Entitlement entitlement);

    void WriteGrant(Grant grant);
}
