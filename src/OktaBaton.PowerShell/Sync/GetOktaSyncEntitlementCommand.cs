using System;
using System.Management.Automation;
using OktaBaton.Core.SyncFile;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Sync;

/// <summary>Lists the entitlements of a sync file, offline and streaming.</summary>
[Cmdlet(VerbsCommon.Get, "OktaSyncEntitlement", HelpUri = HelpLinks.Base + "Get-OktaSyncEntitlement.md")]
[OutputType(typeof(SyncEntitlementRecord))]
public sealed class GetOktaSyncEntitlementCommand : SyncFileQueryCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SyncFileEntitlementCompleter))]
    public string[] EntitlementId { get; set; } = Array.Empty<string>();

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] Slug { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        var filter = Filter();
        filter.EntitlementIds = EntitlementId;
        filter.Slugs = Slug;
        Stream(query => query.Entitlements(), filter, WarnAboutFilter);
    }
}
