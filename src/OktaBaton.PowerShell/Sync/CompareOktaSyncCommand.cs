using System;
using System.IO;
using System.Management.Automation;
using OktaBaton.Core.SyncFile;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Sync;

/// <summary>
/// Access drift between two sync files, offline and streaming: grants added and removed (with -Expand, inherited ones
/// too) and, with -IncludeResources, resources added, removed or whose status changed. Flat, Export-Csv-ready records.
/// </summary>
[Cmdlet(VerbsData.Compare, "OktaSync", HelpUri = HelpLinks.Base + "Compare-OktaSync.md")]
[OutputType(typeof(SyncChangeRecord))]
public sealed class CompareOktaSyncCommand : OktaCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string ReferencePath { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string DifferencePath { get; set; } = "";

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ResourceTypeCompleter))]
    public string[] ResourceType { get; set; } = Array.Empty<string>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SyncFileEntitlementCompleter))]
    public string[] EntitlementId { get; set; } = Array.Empty<string>();

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SyncFilePrincipalCompleter))]
    public string[] PrincipalId { get; set; } = Array.Empty<string>();

    [Parameter]
    public SwitchParameter Expand { get; set; }

    [Parameter]
    public SwitchParameter IncludeResources { get; set; }

    protected override void ProcessRecord()
    {
        var referencePath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(ReferencePath);
        var differencePath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(DifferencePath);
        using var comparison = new SyncFileComparison(referencePath, differencePath, new SyncQueryFilter
        {
            ResourceTypes = ResourceType,
            EntitlementIds = EntitlementId,
            PrincipalIds = PrincipalId,
        }) { CancellationToken = CancellationToken };
        foreach (var warning in Terminating(referencePath, "SyncFile", comparison.Validate)) WriteWarning(warning);
        using var changes = Terminating(referencePath, "SyncFile", () => comparison.Changes(Expand, IncludeResources).GetEnumerator());
        while (Terminating(referencePath, "SyncFile", changes.MoveNext))
        {
            if (CancellationToken.IsCancellationRequested) throw new PipelineStoppedException();
            WriteObject(changes.Current);
        }
    }
}
