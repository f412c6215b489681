using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta;

namespace OktaBaton.PowerShell.Infrastructure;

/// <summary>
/// Base of every OktaBaton cmdlet: a cancellation token tied to Ctrl+C (StopProcessing) and an async
/// bridge that runs engine work off the pipeline thread while marshalling its output back onto it.
/// </summary>
public abstract class OktaCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Exception? _pipelineWriteFailure;

    protected CancellationToken CancellationToken => _stopping.Token;

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>
    /// Runs <paramref name="work"/> on the thread pool and pumps its Write*/ShouldProcess calls on the pipeline
    /// thread until it ends. Exceptions from the work surface here, on the pipeline thread, unchanged.
    /// </summary>
    /// <remarks>
    /// When a write itself fails (-WarningAction Stop, a prompt answered Halt, a downstream command that stops
    /// the pipeline), the work is cancelled and awaited before that failure surfaces: a command that failed never
    /// acts afterwards. What the work still writes meanwhile is dropped.
    /// </remarks>
    protected void RunAsync(Func<CmdletContext, Task> work)
    {
        using var workStopping = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken);
        using var queue = new BlockingCollection<Action>();
        var context = new CmdletContext(queue, this, workStopping.Token);
        Task running;
        var waits = new RateLimitWaitReporter(context);
        using (WantsDebug() ? OktaRequestTrace.Observe(context.WriteDebug) : null)
        using (AsksForSelf() ? OktaPaths.AllowSelf() : null)
        using (OktaRateLimitWaits.Observe(waits.Report))
        {
            running = Task.Run(async () =>
            {
                try
                {
                    await work(context).ConfigureAwait(false);
                }
                finally
                {
                    waits.Complete();
                }
            }, workStopping.Token);
        }

        _ = running.ContinueWith(_ => queue.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        try
        {
            foreach (var action in queue.GetConsumingEnumerable())
            {
                action();
            }
        }
        catch (Exception writeFailure)
        {
            _pipelineWriteFailure = writeFailure;
            workStopping.Cancel();
            foreach (var _ in queue.GetConsumingEnumerable())
            {
                // the command has failed: drop what the work still writes until it has stopped
            }

            ((IAsyncResult)running).AsyncWaitHandle.WaitOne();
            throw;
        }

        try
        {
            running.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>
    /// -Self said explicitly that the command acts on the connected admin's own account (/api/v1/users/me); without
    /// it, "me" given as a user id is refused (<see cref="OktaPaths"/>).
    /// </summary>
    private bool AsksForSelf() =>
        MyInvocation.BoundParameters.TryGetValue("Self", out var self) && self is SwitchParameter { IsPresent: true };

    /// <summary>Request tracing costs a line per request: only when -Debug or $DebugPreference would show it.</summary>
    private bool WantsDebug() =>
        MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && debug is SwitchParameter { IsPresent: true }
        || LanguagePrimitives.TryConvertTo<ActionPreference>(GetVariableValue("DebugPreference"), out var preference)
            && preference != ActionPreference.SilentlyContinue;

    /// <summary>Writes a non-terminating error for one failed item; the pipeline goes on with the next.</summary>
    protected void WriteFailure(Exception exception, object? target, string? subject = null) =>
        WriteError(OktaErrorRecords.From(exception, target, subject));

    /// <summary>Stops the command with a terminating error (bad input, no connection).</summary>
    protected void ThrowFailure(Exception exception, object? target, string? subject = null) =>
        ThrowTerminatingError(OktaErrorRecords.From(exception, target, subject));

    /// <summary>Runs the work and turns any failure into a non-terminating error for this item.</summary>
    protected void RunForItem(object? target, string? subject, Func<CmdletContext, Task> work)
    {
        try
        {
            RunAsync(work);
        }
        catch (Exception ex) when (!StopsTheCommand(ex))
        {
            WriteFailure(Unwrap(ex), target, subject);
        }
    }

    /// <summary>Runs the work and turns any failure into a terminating error (whole-command operations).</summary>
    protected void RunTerminating(object? target, string? subject, Func<CmdletContext, Task> work)
    {
        try
        {
            RunAsync(work);
        }
        catch (Exception ex) when (!StopsTheCommand(ex))
        {
            ThrowFailure(Unwrap(ex), target, subject);
        }
    }

    /// <summary>
    /// Runs one step of work on the pipeline thread (reading a file between writes): its failure becomes a categorised
    /// terminating error, while what writing to the pipeline throws is never caught here.
    /// </summary>
    protected TResult Terminating<TResult>(object? target, string? subject, Func<TResult> step)
    {
        try
        {
            return step();
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception ex) when (!StopsTheCommand(ex))
        {
            ThrowFailure(Unwrap(ex), target, subject);
            throw;
        }
    }

    /// <summary>
    /// Failures of the pipeline itself (Ctrl+C, a write whose preference is Stop, a prompt answered Halt, a
    /// downstream command that stopped): they end the command as PowerShell raised them, never as an item's error.
    /// </summary>
    private bool StopsTheCommand(Exception exception) =>
        exception is PipelineStoppedException || ReferenceEquals(exception, _pipelineWriteFailure);

    protected static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        return exception;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stopping.Dispose();
        }
    }
}
