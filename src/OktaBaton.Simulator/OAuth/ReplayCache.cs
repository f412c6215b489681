namespace OktaBaton.Simulator.OAuth;

/// <summary>Remembers single-use identifiers (assertion and proof jti) until they could no longer be accepted anyway.</summary>
internal sealed class ReplayCache
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>Returns false when the id was already used.</summary>
    public bool TryUse(string id, DateTimeOffset forgetAfter, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_seen.Count > 10_000)
                foreach (var stale in _seen.Where(e => e.Value < now).Select(e => e.Key).ToList())
                    _seen.Remove(stale);
            if (_seen.TryGetValue(id, out var until) && until >= now) return false;
            _seen[id] = forgetAfter;
            return true;
        }
    }
}
