using OktaBaton.PowerShell.Tests.Infrastructure;

namespace OktaBaton.PowerShell.Tests.Module;

public sealed class HelpTests
{
    [Fact]
    public void CommittedHelpIsCompleteAndMatchesTheCmdlets()
    {
        var (xml, problems) = OktaBaton.HelpBuilder.Program.Generate(RepoPaths.Root);

        Assert.True(problems.Count == 0, "help problems:\n" + string.Join("\n", problems));
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Root, "module", "en-US", OktaBaton.HelpBuilder.Program.HelpFileName));
        Assert.True(committed == xml, "module/en-US help is stale: run 'dotnet run --project src/OktaBaton.HelpBuilder' and rebuild");
    }

    [Fact]
    public void GetHelpShowsSynopsisParametersAndExamplesForEveryCmdlet()
    {
        using var session = new ModuleSession();
        var run = session.Run(
            "Get-Command -Module OktaBaton | ForEach-Object { $h = Get-Help $_.Name -Full; [pscustomobject]@{ Name = $_.Name; Synopsis = $h.Synopsis; " +
            "Examples = @($h.examples.example).Count; Undocumented = @($h.parameters.parameter | Where-Object { -not $_.description }).Count } }");
        run.AssertNoErrors();

        Assert.NotEmpty(run.Output);
        Assert.All(run.Output, help =>
        {
            var name = (string)help.Properties["Name"].Value;
            var synopsis = (string)help.Properties["Synopsis"].Value;
            Assert.False(string.IsNullOrWhiteSpace(synopsis), name);
            Assert.DoesNotContain(name + " ", synopsis.TrimStart(), StringComparison.Ordinal); // not the auto-generated syntax stub
            Assert.True((int)help.Properties["Examples"].Value > 0, name + " has no example");
            Assert.Equal(0, (int)help.Properties["Undocumented"].Value);
        });
    }

    [Fact]
    public void TheAboutTopicIsInstalled()
    {
        using var session = new ModuleSession();
        var run = session.Run("Get-Help about_OktaBaton");
        run.AssertNoErrors();

        var text = string.Join("\n", run.Output.Select(o => o.ToString()));
        Assert.Contains("Invoke-OktaSync", text, StringComparison.Ordinal);
        Assert.Contains("BATON_API_TOKEN", text, StringComparison.Ordinal);
    }
}
