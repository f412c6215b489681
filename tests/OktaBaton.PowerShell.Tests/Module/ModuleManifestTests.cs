using System.Management.Automation;
using OktaBaton.PowerShell.Tests.Infrastructure;

namespace OktaBaton.PowerShell.Tests.Module;

public sealed class ModuleManifestTests
{
    [Fact]
    public void TheManifestDescribesAModuleForBothEditions()
    {
        using var session = new ModuleSession();
        var run = session.Run("Test-ModuleManifest -Path $path -ErrorAction Stop", new Dictionary<string, object?> { ["path"] = RepoPaths.ModuleManifest });
        run.AssertNoErrors();
        var module = (PSModuleInfo)Assert.Single(run.Output).BaseObject;

        Assert.Equal("OktaBaton.PowerShell.dll", Path.GetFileName(module.RootModule));
        Assert.Equal(new Version(5, 1), module.PowerShellVersion);
        Assert.Equal(["Core", "Desktop"], module.CompatiblePSEditions.Order());
        Assert.Empty(module.ExportedFunctions);
        Assert.Empty(module.ExportedAliases);
        Assert.Empty(module.ExportedVariables);
        Assert.Contains("OktaBaton.format.ps1xml", module.ExportedFormatFiles.Select(Path.GetFileName));
    }

    [Fact]
    public void TheModuleVersionIsTheBuildVersion()
    {
        var props = File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props"));
        var version = System.Text.RegularExpressions.Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;

        using var session = new ModuleSession();
        var run = session.Run("(Get-Module OktaBaton).Version.ToString()");

        Assert.Equal(version, Assert.Single(run.Output).BaseObject);
    }

    [Fact]
    public void EveryCmdletInTheAssemblyIsExportedAndNothingElse()
    {
        using var session = new ModuleSession();
        var exported = session.Run("(Get-Module OktaBaton).ExportedCmdlets.Keys").Output.Select(o => (string)o.BaseObject).Order().ToList();
        var defined = session.Run(
            "[AppDomain]::CurrentDomain.GetAssemblies().Where({ $_.GetName().Name -eq 'OktaBaton.PowerShell' }).GetTypes().Where({ -not $_.IsAbstract }).ForEach({ " +
            "$a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false); if ($a) { '{0}-{1}' -f $a[0].VerbName, $a[0].NounName } })")
            .Output.Select(o => (string)o.BaseObject).Order().ToList();

        Assert.NotEmpty(defined);
        Assert.Equal(defined, exported);
    }

    [Fact]
    public void EveryCmdletUsesAnApprovedVerb()
    {
        using var session = new ModuleSession();
        var approved = new[] { typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic), typeof(VerbsLifecycle), typeof(VerbsSecurity), typeof(VerbsOther) }
            .SelectMany(t => t.GetFields()).Select(f => (string)f.GetValue(null)!).ToHashSet();
        var verbs = session.Run("(Get-Command -Module OktaBaton).Verb").Output.Select(o => (string)o.BaseObject).ToList();

        Assert.NotEmpty(verbs);
        Assert.All(verbs, verb => Assert.Contains(verb, approved));
    }
}
