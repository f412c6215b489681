using System.Management.Automation;
using OktaBaton.Core.SyncFile;

namespace OktaBaton.PowerShell.Sync;

/// <summary>Lists the resources of a sync file, offline and streaming.</summary>
[Cmdlet(VerbsCommon.Get, "OktaSyncResource", HelpUri = HelpLinks.Base + "Get-OktaSyncResource.md")]
[OutputType(typeof(SyncResourceRecord))]
public sealed class GetOktaSyncResourceCommand : SyncFileQueryCmdlet
{
    protected override void ProcessRecord() => Stream(query => query.Resources(), Filter(), WarnAboutFilter);
}
