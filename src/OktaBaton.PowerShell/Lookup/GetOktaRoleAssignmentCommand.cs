using System.Management.Automation;
using OktaBaton.Core.Lookup;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Lookup;

/// <summary>The admin roles a user or group holds, how each is held (USER or GROUP) and what it reaches.</summary>
[Cmdlet(VerbsCommon.Get, "OktaRoleAssignment", DefaultParameterSetName = UserSet, SupportsPaging = true, HelpUri = HelpLinks.Base + "Get-OktaRoleAssignment.md")]
[OutputType(typeof(OktaUserRoleAssignment), typeof(OktaGroupRoleAssignment))]
public sealed class GetOktaRoleAssignmentCommand : LookupCmdlet
{
    private const string UserSet = "User";
    private const string GroupSet = "Group";

    /// <summary>The user's id or login.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = UserSet)]
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
        if (ParameterSetName == GroupSet)
        {
            Stream(GroupId, "Group", (connection, ct) => new OktaLookup(connection.Client).GroupRolesAsync(GroupId, ct));
        }
        else
        {
            Stream(UserId, "User", (connection, ct) => new OktaLookup(connection.Client).UserRolesAsync(UserId, ct));
        }
    }
}
