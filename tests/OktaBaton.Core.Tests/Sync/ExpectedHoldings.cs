namespace OktaBaton.Core.Tests.Sync;

/// <summary>
/// Who holds what and how — the -Expand view — computed from the grants <see cref="ExpectedSync"/> derives from the
/// simulator's state and the groups' members, with no engine code: a user's own grant makes it direct; a group's grant of
/// anything but its own membership reaches every member, through that group.
/// </summary>
public static class ExpectedHoldings
{
    public sealed record Holding(bool Direct, SortedSet<string> ThroughGroups)
    {
        public override string ToString() => (Direct ? "direct" : "-") + " via " + string.Join(",", ThroughGroups);
    }

    /// <summary>Grant id (entitlement:principalType:principalId) → how it is held.</summary>
    public static SortedDictionary<string, Holding> From(SortedSet<string> grants)
    {
        var holdings = new SortedDictionary<string, Holding>(StringComparer.Ordinal);
        Holding Of(string id) => holdings.TryGetValue(id, out var h) ? h : holdings[id] = new Holding(false, new SortedSet<string>(StringComparer.Ordinal));
        var members = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var grant in grants)
        {
            if (!grant.StartsWith("group:", StringComparison.Ordinal)) continue;
            var parts = grant.Split(':');
            if (!members.TryGetValue(parts[1], out var list)) members[parts[1]] = list = new List<string>();
            list.Add(parts[^1]);
        }
        foreach (var grant in grants)
        {
            var at = grant.LastIndexOf(':', grant.LastIndexOf(':') - 1);
            var (entitlement, principalType, principalId) = (grant[..at], grant[(at + 1)..grant.LastIndexOf(':')], grant[(grant.LastIndexOf(':') + 1)..]);
            holdings[grant] = Of(grant) with { Direct = true };
            if (principalType != "group" || entitlement.StartsWith("group:", StringComparison.Ordinal)) continue;
            foreach (var member in members.TryGetValue(principalId, out var list) ? list : new List<string>())
            {
                Of($"{entitlement}:user:{member}").ThroughGroups.Add(principalId);
            }
        }
        return holdings;
    }
}
