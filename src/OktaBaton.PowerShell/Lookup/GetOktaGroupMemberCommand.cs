using System.Management.Automation;
using OktaBaton.Core.Lookup;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Lookup;

/// <summary>Lists a group's members live; each record carries GroupId and UserId for the membership cmdlets.</summary>
[Cmdlet(VerbsCommon.Get, "OktaGroupMember", SupportsPaging = true, HelpUri = HelpLinks.Base + "Get-OktaGroupMember.md")]
[OutputType(typeof(OktaGroupMemberRecord))]
public sealed class GetOktaGroupMemberCommand : LookupCmdlet
{
    /// <summary>The group's id, or its exact name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(GroupNameCompleter))]
    public string GroupId { get; set; } = string.Empty;

    protected override void ProcessRecord() =>
        Stream(GroupId, "Group", (connection, ct) => new OktaLookup(connection.Client).GroupMembersAsync(GroupId, ct));
}
