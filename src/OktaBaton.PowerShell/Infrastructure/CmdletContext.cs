using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.PowerShell.Infrastructure;

/// <summary>
/// What async engine work may do to the pipeline. Every call is queued and carried out on the pipeline
/// thread by <see cref="OktaCmdlet.RunAsync"/>, because PowerShell forbids Write* calls from other threads.
/// </summary>
/// <remarks>
/// Verbose, debug, warning and error records are delivered before the work goes on: their preference may stop the
/// command (-WarningAction Stop, $DebugPreference = 'Inquire' answered Halt, a host without a console), and then the
/// work must stop where it stands, not carry on and act after the command has failed. Objects and progress are only
/// queued; if writing one fails, the work is cancelled and awaited before the failure surfaces.
/// </remarks>
public sealed class CmdletContext
{
    private readonly BlockingCollection<Action> _queue;
    private readonly Cmdlet _cmdlet;

    internal CmdletContext(BlockingCollection<Action> queue, Cmdlet cmdlet, CancellationToken cancellationToken)
    {
        _queue = queue;
        _cmdlet = cmdlet;
        CancellationToken = cancellationToken;
    }

    /// <summary>Cancelled on Ctrl+C, and when writing to the pipeline failed: the command is over.</summary>
    public CancellationToken CancellationToken { get; }

    public void WriteObject(object? value) => Post(() => _cmdlet.WriteObject(value));

    public void WriteProgress(ProgressRecord record) => Post(() => _cmdlet.WriteProgress(record));

    public void WriteVerbose(string message) => Deliver(() => _cmdlet.WriteVerbose(message));

    public void WriteDebug(string message) => Deliver(() => _cmdlet.WriteDebug(message));

    public void WriteWarning(string message) => Deliver(() => _cmdlet.WriteWarning(message));

    public void WriteError(ErrorRecord record) => Deliver(() => _cmdlet.WriteError(record));

    /// <summary>Asks ShouldProcess on the pipeline thread (so -WhatIf and -Confirm work) and awaits the answer.</summary>
    public Task<bool> ShouldProcessAsync(string target, string action)
    {
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopped = CancellationToken.Register(() => answer.TrySetCanceled(CancellationToken));
        _ = answer.Task.ContinueWith(_ => stopped.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        if (!Post(() =>
            {
                try
                {
                    answer.TrySetResult(_cmdlet.ShouldProcess(target, action));
                }
                catch
                {
                    answer.TrySetCanceled();
                    throw;
                }
            }))
        {
            answer.TrySetCanceled();
        }

        return answer.Task;
    }

    /// <summary>
    /// Writes on the pipeline thread and waits until it was written. When the write stops the command (or the
    /// command is stopped meanwhile) the caller gets an <see cref="OperationCanceledException"/>, so it goes no further.
    /// </summary>
    private void Deliver(Action write)
    {
        var written = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var posted = Post(() =>
        {
            try
            {
                write();
                written.TrySetResult(true);
            }
            catch
            {
                written.TrySetResult(false);
                throw;
            }
        });
        if (posted && !(written.Task.Wait(Timeout.Infinite, CancellationToken) && written.Task.Result))
        {
            throw new OperationCanceledException("Writing to the pipeline stopped the command.", CancellationToken);
        }
    }

    private bool Post(Action action)
    {
        try
        {
            _queue.Add(action);
            return true;
        }
        catch (InvalidOperationException)
        {
            // The pipeline stopped pumping (the work finished or was stopped); nothing can be written any more.
            return false;
        }
    }
}
