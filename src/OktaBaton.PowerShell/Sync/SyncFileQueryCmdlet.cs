using System;
using System.Collections.Generic;
using System.Management.Automation;
using OktaBaton.Core.SyncFile;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Sync;

/// <summary>Shared parameters of the offline sync-file queries: -Path and the filters.</summary>
public abstract class SyncFileQueryCmdlet : OktaCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ResourceTypeCompleter))]
    public string[] ResourceType { get; set; } = Array.Empty<string>();

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SyncFileResourceCompleter))]
    public string[] ResourceId { get; set; } = Array.Empty<string>();

    protected SyncQueryFilter Filter() => new()
    {
        ResourceTypes = ResourceType,
        ResourceIds = ResourceId,
    };

    /// <summary>Names the filter's ids the file does not hold, so an empty answer is never mistaken for "none".</summary>
    protected void WarnAboutFilter(SyncFileQuery query)
    {
        foreach (var warning in query.QueryWarnings)
        {
            WriteWarning(warning);
        }
    }

    protected string ResolvedPath() => SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);

    /// <summary>
    /// Streams records to the pipeline on this thread. The file is validated whole before the first record, so a bad
    /// file is a terminating error (naming line and position) and no record at all. <paramref name="validated"/> runs
    /// once the file is known good, before the first record (to warn about what the file says).
    /// </summary>
    protected void Stream<T>(Func<SyncFileQuery, IEnumerable<T>> query, SyncQueryFilter filter, Action<SyncFileQuery>? validated = null)
    {
        var path = ResolvedPath();
        var fileQuery = new SyncFileQuery(path, filter) { CancellationToken = CancellationToken };
        using var records = Terminating(path, "SyncFile", () => query(fileQuery).GetEnumerator());
        var more = Terminating(path, "SyncFile", records.MoveNext);
        validated?.Invoke(fileQuery);
        while (more)
        {
            if (CancellationToken.IsCancellationRequested) throw new PipelineStoppedException();
            WriteObject(records.Current);
            more = Terminating(path, "SyncFile", records.MoveNext);
        }
    }
}
