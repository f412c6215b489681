using System.Management.Automation;
using OktaBaton.Core.Lookup;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Lookup;

/// <summary>Reads users live: one by id or login, or every user matching Okta's filter, search or q, page by page.</summary>
[Cmdlet(VerbsCommon.Get, "OktaUser", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = HelpLinks.Base + "Get-OktaUser.md")]
[OutputType(typeof(OktaUserRecord))]
public sealed class GetOktaUserCommand : ExpressionLookupCmdlet
{
    private const string IdSet = "Id";

    /// <summary>The user's id or login.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("UserId", "Login")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(UserLoginCompleter))]
    public string Id { get; set; } = string.Empty;

    /// <summary>Okta's search expression, e.g. 'profile.department eq "Sales"'.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? Search { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("ACTIVE", "DEPROVISIONED", "LOCKED_OUT", "PASSWORD_EXPIRED", "PROVISIONED", "RECOVERY", "STAGED", "SUSPENDED", IgnoreCase = true)]
    public string[]? Status { get; set; }

    protected override void ProcessRecord()
    {
        var query = ParameterSetName == IdSet
            ? new UserQuery { IdOrLogin = Id }
            : new UserQuery { Filter = Filter, Search = Search, Query = Query, Status = Status };
        Stream(ParameterSetName == IdSet ? Id : null, "User", (connection, ct) => new OktaLookup(connection.Client).UsersAsync(query, ct));
    }
}
