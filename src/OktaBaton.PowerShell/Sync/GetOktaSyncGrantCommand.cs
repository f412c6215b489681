using System;
using System.Management.Automation;
using OktaBaton.Core.SyncFile;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Sync;

/// <summary>Lists the grants of a sync file as flat, Export-Csv-ready records; -Expand gives one record per principal and entitlement, direct, through groups or both.</summary>
[Cmdlet(VerbsCommon.Get, "OktaSyncGrant", HelpUri = HelpLinks.Base + "Get-OktaSyncGrant.md")]
[OutputType(typeof(SyncGrantRecord))]
public sealed class GetOktaSyncGrantCommand : SyncFileQueryCmdlet
{
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SyncFilePrincipalCompleter))]
    public string[] PrincipalId { get; set; } = Array.Empty<string>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SyncFileEntitlementCompleter))]
    public string[] EntitlementId { get; set; } = Array.Empty<string>();

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] Slug { get; set; } = Array.Empty<string>();

    [Parameter]
    public SwitchParameter Expand { get; set; }

    protected override void ProcessRecord()
    {
        var filter = Filter();
        filter.PrincipalIds = PrincipalId;
        filter.EntitlementIds = EntitlementId;
        filter.Slugs = Slug;
        Stream(query => query.Grants(Expand), filter, query =>
        {
            foreach (var warning in query.FileWarnings)
            {
                WriteWarning("This sync file is incomplete: " + warning.Message);
            }

            foreach (var warning in query.QueryWarnings)
            {
                WriteWarning(warning);
            }
        });
    }
}
