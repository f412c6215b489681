using System.Collections.Concurrent;

namespace OktaBaton.Simulator.Http;

internal sealed class StatsCollector
{
    private readonly ConcurrentDictionary<string, long> _byBucket = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _byRoute = new(StringComparer.Ordinal);
    private long _total;
    private long _rateLimited;
    private long _principalRateLimited;
    private long _concurrencyRejected;
    private long _faults;
    private int _inFlight;
    private int _maxInFlight;

    public int EnterFlight()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }
        return now;
    }

    public void LeaveFlight() => Interlocked.Decrement(ref _inFlight);

    public void Request(string bucket)
    {
        Interlocked.Increment(ref _total);
        _byBucket.AddOrUpdate(bucket, 1, (_, n) => n + 1);
    }

    public void Route(string routeKey) => _byRoute.AddOrUpdate(routeKey, 1, (_, n) => n + 1);

    public void RateLimited(RateQuota quota)
    {
        Interlocked.Increment(ref _rateLimited);
        if (quota == RateQuota.Principal)
        {
            Interlocked.Increment(ref _principalRateLimited);
        }
    }

    public void ConcurrencyRejected()
    {
        Interlocked.Increment(ref _concurrencyRejected);
        Interlocked.Increment(ref _rateLimited);
    }

    public void Fault() => Interlocked.Increment(ref _faults);

    public SimulatorStats Snapshot() => new()
    {
        TotalRequests = Interlocked.Read(ref _total),
        RateLimited = Interlocked.Read(ref _rateLimited),
        PrincipalRateLimited = Interlocked.Read(ref _principalRateLimited),
        ConcurrencyRejected = Interlocked.Read(ref _concurrencyRejected),
        FaultsServed = Interlocked.Read(ref _faults),
        MaxInFlight = Volatile.Read(ref _maxInFlight),
        InFlight = Volatile.Read(ref _inFlight),
        ByBucket = new SortedDictionary<string, long>(_byBucket, StringComparer.Ordinal),
        ByRoute = new SortedDictionary<string, long>(_byRoute, StringComparer.Ordinal),
    };

    public void Reset()
    {
        Interlocked.Exchange(ref _total, 0);
        Interlocked.Exchange(ref _rateLimited, 0);
        Interlocked.Exchange(ref _principalRateLimited, 0);
        Interlocked.Exchange(ref _concurrencyRejected, 0);
        Interlocked.Exchange(ref _faults, 0);
        Interlocked.Exchange(ref _maxInFlight, Volatile.Read(ref _inFlight));
        _byBucket.Clear();
        _byRoute.Clear();
    }
}
