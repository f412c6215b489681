using System.Management.Automation;

namespace OktaBaton.PowerShell.Lookup;

/// <summary>A lookup whose list set takes Okta's own <c>filter</c> and <c>q</c> expressions (users, groups, apps).</summary>
public abstract class ExpressionLookupCmdlet : LookupCmdlet
{
    protected const string ListSet = "List";

    /// <summary>Okta's filter expression for the list (what each list allows is in its help).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? Filter { get; set; }

    /// <summary>Okta's q: a starts-with match on the list's names.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? Query { get; set; }
}
