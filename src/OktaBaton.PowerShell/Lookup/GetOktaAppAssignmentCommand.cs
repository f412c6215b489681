using System.Management.Automation;
using OktaBaton.Core.Lookup;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Lookup;

/// <summary>
/// Who is assigned to an app (its users with their scope, then its groups), or which apps a user or group is assigned
/// to. Records carry AppId with UserId or GroupId, so they pipe into Revoke-OktaAppAssignment.
/// </summary>
[Cmdlet(VerbsCommon.Get, "OktaAppAssignment", DefaultParameterSetName = AppSet, SupportsPaging = true, HelpUri = HelpLinks.Base + "Get-OktaAppAssignment.md")]
[OutputType(typeof(OktaAppUserAssignment), typeof(OktaAppGroupAssignment))]
public sealed class GetOktaAppAssignmentCommand : LookupCmdlet
{
    private const string AppSet = "App";
    private const string UserSet = "User";
    private const string GroupSet = "Group";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = AppSet)]
    [ValidateNotNullOrEmpty]
    public string AppId { get; set; } = string.Empty;

    /// <summary>The user's id or login.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = UserSet)]
    [Alias("Login")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(UserLoginCompleter))]
    public string UserId { get; set; } = string.Empty;

    /// <summary>The group's id or exact name.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = GroupSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(GroupNameCompleter))]
    public string GroupId { get; set; } = string.Empty;

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case UserSet:
                Stream(UserId, "User", (connection, ct) => new OktaLookup(connection.Client).UserAppAssignmentsAsync(UserId, ct));
                break;
            case GroupSet:
                Stream(GroupId, "Group", (connection, ct) => new OktaLookup(connection.Client).GroupAppAssignmentsAsync(GroupId, ct));
                break;
            default:
                Stream(AppId, "App", (connection, ct) => new OktaLookup(connection.Client).AppAssignmentsAsync(AppId, ct));
                break;
        }
    }
}
