using System.Management.Automation;
using OktaBaton.Core.Lookup;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Lookup;

/// <summary>Reads app instances live: by id, by label (wildcards), or every app matching Okta's filter, q or a status.</summary>
[Cmdlet(VerbsCommon.Get, "OktaApp", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = HelpLinks.Base + "Get-OktaApp.md")]
[OutputType(typeof(OktaAppRecord))]
public sealed class GetOktaAppCommand : ExpressionLookupCmdlet
{
    private const string IdSet = "Id";
    private const string LabelSet = "Label";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("AppId")]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = string.Empty;

    /// <summary>The app's label; * and ? are wildcards.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = LabelSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AppLabelCompleter))]
    public string Label { get; set; } = string.Empty;

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = LabelSet)]
    [ValidateSet("ACTIVE", "INACTIVE", IgnoreCase = true)]
    public string? Status { get; set; }

    protected override void ProcessRecord()
    {
        var query = ParameterSetName switch
        {
            IdSet => new AppQuery { Id = Id },
            LabelSet => new AppQuery { Label = Label, Status = Status },
            _ => new AppQuery { Filter = Filter, Query = Query, Status = Status },
        };
        Stream(ParameterSetName == ListSet ? null : Id + Label, "App", (connection, ct) => new OktaLookup(connection.Client).AppsAsync(query, ct));
    }
}
