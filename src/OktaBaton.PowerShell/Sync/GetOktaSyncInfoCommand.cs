using System.Management.Automation;
using OktaBaton.Core.SyncFile;

namespace OktaBaton.PowerShell.Sync;

/// <summary>Describes a sync file: its org, sync time, options, counts, warnings, and whether the sync read everything.</summary>
[Cmdlet(VerbsCommon.Get, "OktaSyncInfo", HelpUri = HelpLinks.Base + "Get-OktaSyncInfo.md")]
[OutputType(typeof(SyncFileInfo))]
public sealed class GetOktaSyncInfoCommand : OktaBaton.PowerShell.Infrastructure.OktaCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = System.Array.Empty<string>();

    protected override void ProcessRecord()
    {
        foreach (var path in Path)
        {
            var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            SyncFileInfo info;
            try
            {
                info = SyncFileInfo.Read(resolved, CancellationToken);
            }
            catch (System.OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (System.Exception failure) when (failure is not PipelineStoppedException)
            {
                // one unreadable file is an error for that file; the next ones are still described
                WriteFailure(failure, resolved, "SyncFile");
                continue;
            }

            WriteObject(info);
        }
    }
}
