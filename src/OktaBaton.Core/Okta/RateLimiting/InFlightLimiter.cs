using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Okta.RateLimiting;

/// <summary>
/// Caps the requests in flight, first come first served, with a cap that may change while requests wait or run
/// (a lower cap lets no one new in until enough have finished).
/// </summary>
internal sealed class InFlightLimiter
{
    private readonly object _lock = new();
    private readonly Queue<TaskCompletionSource<bool>> _waiting = new();
    private int _limit;
    private int _inFlight;

    public InFlightLimiter(int limit) => _limit = CheckLimit(limit);

    public int Limit
    {
        get { lock (_lock) return _limit; }
    }

    public void SetLimit(int limit)
    {
        CheckLimit(limit);
        lock (_lock)
        {
            _limit = limit;
            LetWaitersIn();
        }
    }

    public Task EnterAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        TaskCompletionSource<bool> waiter;
        lock (_lock)
        {
            if (_waiting.Count == 0 && _inFlight < _limit)
            {
                _inFlight++;
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(waiter);
        }

        if (!ct.CanBeCanceled) return waiter.Task;
        var registration = ct.Register(() =>
        {
            // under the lock, so a waiter is either let in (and counted) or cancelled, never both
            lock (_lock) waiter.TrySetCanceled(ct);
        });
        return WaitAsync(waiter.Task, registration);
    }

    public void Exit()
    {
        lock (_lock)
        {
            _inFlight--;
            LetWaitersIn();
        }
    }

    private static async Task WaitAsync(Task entered, CancellationTokenRegistration registration)
    {
        try
        {
            await entered.ConfigureAwait(false);
        }
        finally
        {
            registration.Dispose();
        }
    }

    private void LetWaitersIn()
    {
        while (_inFlight < _limit && _waiting.Count > 0)
        {
            if (_waiting.Dequeue().TrySetResult(true)) _inFlight++;
        }
    }

    private static int CheckLimit(int limit) =>
        limit >= 1 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "At least one request must be allowed in flight.");
}
