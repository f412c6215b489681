using System;
using System.Collections.Generic;
using System.Management.Automation;
using OktaBaton.Core.Okta;

namespace OktaBaton.PowerShell.Infrastructure;

/// <summary>
/// Says what a command waits for when Okta's rate limit holds it: a verbose line and a progress bar counting down to
/// the reset, once per bucket and reset however many requests wait for it.
/// </summary>
internal sealed class RateLimitWaitReporter
{
    private const int ActivityId = 90;
    private const string Activity = "Waiting for Okta's rate limit";
    private readonly CmdletContext _context;
    private readonly HashSet<(string, DateTimeOffset)> _told = new();
    private bool _showing;

    public RateLimitWaitReporter(CmdletContext context) => _context = context;

    public void Report(OktaRateLimitWait wait)
    {
        lock (_told)
        {
            if (!_told.Add((wait.Bucket, wait.ResetsAt))) return;
            _showing = true;
        }

        _context.WriteProgress(new ProgressRecord(ActivityId, Activity, wait.ToString())
        {
            SecondsRemaining = (int)Math.Ceiling(wait.Duration.TotalSeconds),
        });
        _context.WriteVerbose(wait.ToString());
    }

    public void Complete()
    {
        lock (_told)
        {
            if (!_showing) return;
            _showing = false;
        }

        _context.WriteProgress(new ProgressRecord(ActivityId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
    }
}
