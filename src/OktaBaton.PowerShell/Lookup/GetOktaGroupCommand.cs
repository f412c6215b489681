using System.Management.Automation;
using OktaBaton.Core.Lookup;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Lookup;

/// <summary>Reads groups live: by id, by name (wildcards), or every group matching Okta's filter, search, q or a type.</summary>
[Cmdlet(VerbsCommon.Get, "OktaGroup", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = HelpLinks.Base + "Get-OktaGroup.md")]
[OutputType(typeof(OktaGroupRecord))]
public sealed class GetOktaGroupCommand : ExpressionLookupCmdlet
{
    private const string IdSet = "Id";
    private const string NameSet = "Name";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("GroupId")]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = string.Empty;

    /// <summary>The group's name; * and ? are wildcards.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(GroupNameCompleter))]
    public string Name { get; set; } = string.Empty;

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? Search { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = NameSet)]
    [ValidateSet("OKTA_GROUP", "APP_GROUP", "BUILT_IN", IgnoreCase = true)]
    public string? Type { get; set; }

    protected override void ProcessRecord()
    {
        var query = ParameterSetName switch
        {
            IdSet => new GroupQuery { Id = Id },
            NameSet => new GroupQuery { Name = Name, Type = Type },
            _ => new GroupQuery { Filter = Filter, Search = Search, Query = Query, Type = Type },
        };
        Stream(ParameterSetName == ListSet ? null : Id + Name, "Group", (connection, ct) => new OktaLookup(connection.Client).GroupsAsync(query, ct));
    }
}
