using System.Threading;

namespace OktaBaton.Core.Okta;

/// <summary>
/// Thread-safe counters of one client's traffic, whoever sent it (a sync counts its own with <see cref="OktaRequestCount"/>).
/// </summary>
public sealed class OktaClientStats
{
    private long _requests;
    private long _retries;
    private long _rateLimited;
    private long _faults;

    /// <summary>HTTP attempts sent, retries included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Attempts that were retries of an earlier one.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>429 answers seen.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Transient failures seen: 5xx answers, timeouts, connection failures.</summary>
    public long Faults => Interlocked.Read(ref _faults);

    internal void AddRequest()
    {
        Interlocked.Increment(ref _requests);
        OktaRequestCount.OnRequest();
    }

    internal void AddRetry()
    {
        Interlocked.Increment(ref _retries);
        OktaRequestCount.OnRetry();
    }

    internal void AddRateLimited() => Interlocked.Increment(ref _rateLimited);

    internal void AddFault() => Interlocked.Increment(ref _faults);

    public override string ToString() =>
        $"Requests={Requests} Retries={Retries} RateLimited={RateLimited} Faults={Faults}";
}
