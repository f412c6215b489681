using System;
using System.Threading;

namespace OktaBaton.Core.Okta;

/// <summary>
/// Counts the requests and retries of one piece of work — a sync — and of the tasks it starts, but not those of other
/// commands that share its client: the count flows with the async work (AsyncLocal), as <see cref="OktaRequestTrace"/>
/// does. Counts nest: an inner count's requests are the outer one's too.
/// </summary>
public sealed class OktaRequestCount : IDisposable
{
    private static readonly AsyncLocal<OktaRequestCount?> Current = new();
    private readonly OktaRequestCount? _outer;
    private long _requests;
    private long _retries;

    private OktaRequestCount(OktaRequestCount? outer) => _outer = outer;

    /// <summary>HTTP attempts sent by the counted work, retries included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Attempts of the counted work that were retries.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Starts counting the requests of work started from here on, until the count is disposed (its numbers stay).</summary>
    public static OktaRequestCount Begin()
    {
        var count = new OktaRequestCount(Current.Value);
        Current.Value = count;
        return count;
    }

    /// <summary>Stops counting: work started from here on is counted by the enclosing count again, if any.</summary>
    public void Dispose()
    {
        if (ReferenceEquals(Current.Value, this)) Current.Value = _outer;
    }

    internal static void OnRequest()
    {
        for (var count = Current.Value; count is not null; count = count._outer) Interlocked.Increment(ref count._requests);
    }

    internal static void OnRetry()
    {
        for (var count = Current.Value; count is not null; count = count._outer) Interlocked.Increment(ref count._retries);
    }
}
