using System;
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
    public string[] ResourceId { get; set; } = Array.Empty<string>();

    protected SyncQueryFilter Filter() => new()
    {
        ResourceTypes = ResourceType,
        ResourceIds = ResourceId,
    };

    protected string ResolvedPath() => SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);

    /// <summary>Streams records to the pipeline on this thread; a bad file is a terminating error naming line and position.</summary>
    protected void Stream<T>(Func<SyncFileQuery, System.Collections.Generic.IEnumerable<T>> query, SyncQueryFilter filter, Action<SyncFileQuery>? after = null)
    {
        var path = ResolvedPath();
        var fileQuery = new SyncFileQuery(path, filter);
        try
        {
            foreach (var record in query(fileQuery))
            {
                if (CancellationToken.IsCancellationRequested) throw new PipelineStoppedException();
                WriteObject(record);
            }
            after?.Invoke(fileQuery);
        }
        catch (SyncFileFormatException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "OktaSyncFileInvalid", ErrorCategory.InvalidData, path)
            {
                ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = "Run Invoke-OktaSync again to write a fresh sync file." },
            });
        }
        catch (System.IO.FileNotFoundException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "OktaSyncFileNotFound", ErrorCategory.ObjectNotFound, path));
        }
    }
}
