using System.Management.Automation;

namespace OktaBaton.PowerShell;

[Cmdlet(VerbsCommon.Get, "OktaConnection")]
public sealed class GetOktaConnectionCommand : PSCmdlet
{
    protected override void ProcessRecord() => WriteObject("placeholder");
}
