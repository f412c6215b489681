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

    public CancellationToken CancellationToken { get; }

    public void WriteObject(object? value) => Post(() => _cmdlet.WriteObject(value));

    public void WriteVerbose(string message) => Post(() => _cmdlet.WriteVerbose(message));

    public void WriteDebug(string message) => Post(() => _cmdlet.WriteDebug(message));

    public void WriteWarning(string message) => Post(() => _cmdlet.WriteWarning(message));

    public void WriteProgress(ProgressRecord record) => Post(() => _cmdlet.WriteProgress(record));

    public void WriteError(ErrorRecord record) => Post(() => _cmdlet.WriteError(record));

    /// <summary>Asks ShouldProcess on the pipeline thread (so -WhatIf and -Confirm work) and awaits the answer.</summary>
    public Task<bool> ShouldProcessAsync(string target, string action)
    {
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                answer.TrySetResult(_cmdlet.ShouldProcess(target, action));
            }
            catch (Exception ex)
            {
                answer.TrySetException(ex);
            }
        });
        return answer.Task;
    }

    private void Post(Action action)
    {
        try
        {
            _queue.Add(action);
        }
        catch (InvalidOperationException)
        {
            // The pipeline stopped pumping (the work finished or was stopped); nothing can be written any more.
        }
    }
}
