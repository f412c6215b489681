namespace OktaBaton.Simulator.Http;

/// <summary>Queued faults (next N requests under a path prefix) and seeded random faults.</summary>
internal sealed class FaultInjector
{
    private readonly List<QueuedFault> _queue = new();
    private readonly Random _random;
    private readonly double _rate;

    public FaultInjector(double rate, int seed)
    {
        _rate = rate;
        _random = new Random(seed);
    }

    public void Enqueue(string pathPrefix, FaultKind kind, int count, string? method = null)
    {
        ArgumentNullException.ThrowIfNull(pathPrefix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_queue)
        {
            _queue.Add(new QueuedFault(pathPrefix, kind, method) { Remaining = count });
        }
    }

    /// <summary>Forgets every queued fault (seeded random faults go on).</summary>
    public void Clear()
    {
        lock (_queue)
        {
            _queue.Clear();
        }
    }

    public FaultKind? Next(string method, string path)
    {
        lock (_queue)
        {
            foreach (var fault in _queue)
            {
                if (path.StartsWith(fault.PathPrefix, StringComparison.OrdinalIgnoreCase)
                    && (fault.Method is null || string.Equals(fault.Method, method, StringComparison.OrdinalIgnoreCase)))
                {
                    if (--fault.Remaining == 0)
                    {
                        _queue.Remove(fault);
                    }
                    return fault.Kind;
                }
            }
            if (_rate > 0 && _random.NextDouble() < _rate)
            {
                return _random.Next(3) switch
                {
                    0 => FaultKind.InternalServerError,
                    1 => FaultKind.ServiceUnavailable,
                    _ => FaultKind.ConnectionReset,
                };
            }
            return null;
        }
    }

    private sealed class QueuedFault(string pathPrefix, FaultKind kind, string? method)
    {
        public string? Method { get; } = method;
        public string PathPrefix { get; } = pathPrefix;
        public FaultKind Kind { get; } = kind;
        public int Remaining { get; set; }
    }
}
