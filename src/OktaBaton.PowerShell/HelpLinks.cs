namespace OktaBaton.PowerShell;

/// <summary>Where each cmdlet's help lives online (Get-Help -Online): its markdown source in the repository.</summary>
internal static class HelpLinks
{
    public const string ProjectUri = "https://github.com/oktabaton/oktabaton";

    public const string Base = ProjectUri + "/blob/main/module/help/";
}
