using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace OktaBaton.HelpBuilder;

/// <summary>
/// dotnet run --project src/OktaBaton.HelpBuilder [-- --check]: imports out/OktaBaton, reads
/// module/help/*.md, and writes module/en-US/OktaBaton.PowerShell.dll-Help.xml (or, with --check,
/// fails when the committed file is stale). Rebuild the solution afterwards to copy it into out/.
/// </summary>
public static class Program
{
    public const string HelpFileName = "OktaBaton.PowerShell.dll-Help.xml";

    public static int Main(string[] args)
    {
        var root = FindRepoRoot();
        var (xml, problems) = Generate(root);
        foreach (var problem in problems)
        {
            Console.Error.WriteLine("help: " + problem);
        }

        if (problems.Count > 0)
        {
            return 1;
        }

        var target = Path.Combine(root, "module", "en-US", HelpFileName);
        if (args.Contains("--check"))
        {
            var current = File.Exists(target) ? File.ReadAllText(target) : string.Empty;
            Console.WriteLine(current == xml ? "help is up to date" : "help is stale: run dotnet run --project src/OktaBaton.HelpBuilder");
            return current == xml ? 0 : 1;
        }

        File.WriteAllText(target, xml);
        Console.WriteLine($"wrote {Path.GetRelativePath(root, target)}");
        return 0;
    }

    /// <summary>The MAML text for the built module's cmdlets, and what the markdown is missing.</summary>
    public static (string Xml, IReadOnlyList<string> Problems) Generate(string repoRoot)
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(Path.Combine(repoRoot, "out", "OktaBaton", "OktaBaton.psd1"));
        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        var cmdlets = shell.AddScript("Get-Command -Module OktaBaton -CommandType Cmdlet").Invoke<CmdletInfo>();

        var helpDir = Path.Combine(repoRoot, "module", "help");
        var (document, problems) = MamlWriter.Build(cmdlets, name =>
        {
            var path = Path.Combine(helpDir, name + ".md");
            return File.Exists(path) ? File.ReadAllText(path) : null;
        });
        using var writer = new StringWriter();
        document.Save(writer);
        return (writer.ToString().Replace("utf-16", "utf-8", StringComparison.Ordinal) + "\n", problems);
    }

    private static string FindRepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "OktaBaton.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("run inside the OktaBaton repository");
        }

        return dir;
    }
}
