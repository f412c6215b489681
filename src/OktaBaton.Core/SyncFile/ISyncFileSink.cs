using System.Collections.Generic;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>Where a syncer writes: the sync file itself, or one of its lanes.</summary>
public interface ISyncFileSink
{
    void WriteResource(Resource resource);

    void WriteEntitlement(Entitlement entitlement);

    void WriteGrant(Grant grant);

    /// <summary>
    /// A grant of <paramref name="entitlementId"/> to each of <paramref name="principalIds"/> (all of
    /// <paramref name="principalType"/>), none expandable: the bytes of one <see cref="WriteGrant(Grant)"/> each,
    /// without building the grants.
    /// </summary>
    void WriteGrants(string entitlementId, string principalType, IReadOnlyList<string> principalIds);
}
