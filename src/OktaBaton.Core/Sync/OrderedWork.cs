using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Sync;

/// <summary>
/// Runs up to N fetches side by side but hands their results on strictly in input order, so a concurrent
/// sync still writes a deterministic file. At most N results are held at once.
/// </summary>
internal sealed class OrderedWork<TResult>
{
    private readonly Queue<Task<TResult>> _inFlight = new();
    private readonly int _degree;
    private readonly Func<TResult, Task> _consume;

    public OrderedWork(int degree, Func<TResult, Task> consume)
    {
        _degree = degree;
        _consume = consume;
    }

    public async Task AddAsync(Func<Task<TResult>> fetch, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        _inFlight.Enqueue(Task.Run(fetch, ct));
        while (_inFlight.Count >= _degree) await ConsumeHeadAsync().ConfigureAwait(false);
    }

    public async Task DrainAsync()
    {
        while (_inFlight.Count > 0) await ConsumeHeadAsync().ConfigureAwait(false);
    }

    /// <summary>Waits for whatever is still running (after a failure) so nothing outlives the sync.</summary>
    public async Task AbandonAsync()
    {
        while (_inFlight.Count > 0)
        {
            try { await _inFlight.Dequeue().ConfigureAwait(false); }
#pragma warning disable CA1031 // the first failure is already propagating; later ones only need observing
            catch (Exception) { }
#pragma warning restore CA1031
        }
    }

    private async Task ConsumeHeadAsync()
    {
        var result = await _inFlight.Dequeue().ConfigureAwait(false);
        await _consume(result).ConfigureAwait(false);
    }

    /// <summary>
    /// Calls <paramref name="begin"/> for every item, in order, on the enumerating thread (so it may write in order);
    /// the fetch it returns runs with bounded concurrency, and results reach <paramref name="consume"/> in item order.
    /// </summary>
    public static async Task RunAsync<TItem>(IAsyncEnumerable<TItem> items, int degree, Func<TItem, Func<CancellationToken, Task<TResult>>> begin,
        Func<TResult, Task> consume, CancellationToken ct)
    {
        var work = new OrderedWork<TResult>(degree, consume);
        try
        {
            await foreach (var item in items.WithCancellation(ct).ConfigureAwait(false))
            {
                var fetch = begin(item);
                await work.AddAsync(() => fetch(ct), ct).ConfigureAwait(false);
            }
            await work.DrainAsync().ConfigureAwait(false);
        }
        catch
        {
            await work.AbandonAsync().ConfigureAwait(false);
            throw;
        }
    }
}
