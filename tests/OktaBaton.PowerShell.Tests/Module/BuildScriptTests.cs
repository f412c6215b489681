using System.Management.Automation;
using System.Management.Automation.Language;
using OktaBaton.PowerShell.Tests.Infrastructure;

namespace OktaBaton.PowerShell.Tests.Module;

/// <summary>
/// build.ps1, the Pester files and the examples parse, use only exported commands, and build.ps1 runs the
/// same dotnet commands README.md documents (the Pester files themselves run in pwsh: tests/OktaBaton.Pester.Tests).
/// </summary>
public sealed class BuildScriptTests
{
    private static ScriptBlockAst Parse(string path)
    {
        var ast = Parser.ParseFile(path, out _, out var errors);
        Assert.True(errors.Length == 0, $"{path}: " + string.Join("; ", errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}")));
        return ast;
    }

    [Fact]
    public void BuildScriptOffersEveryTaskAndParses()
    {
        var ast = Parse(Path.Combine(RepoPaths.Root, "build.ps1"));
        var task = ast.ParamBlock!.Parameters.Single(p => p.Name.VariablePath.UserPath == "Task");
        var validateSet = task.Attributes.OfType<AttributeAst>().Single(a => a.TypeName.Name == "ValidateSet");
        var tasks = validateSet.PositionalArguments.Cast<StringConstantExpressionAst>().Select(s => s.Value).ToHashSet();

        Assert.Equal(new HashSet<string> { "Build", "Test", "Package", "Demo", "Clean" }, tasks);
    }

    [Fact]
    public void BuildScriptRunsTheReadmeCommands()
    {
        var ast = Parse(Path.Combine(RepoPaths.Root, "build.ps1"));
        var dotnetCalls = ast.FindAll(a => a is CommandAst c && c.GetCommandName() == "Invoke-Dotnet", true)
            .Cast<CommandAst>()
            .Select(c => c.CommandElements[1].Extent.Text)
            .ToList();

        Assert.Contains(dotnetCalls, c => c.StartsWith("'test', $solution", StringComparison.Ordinal));
        Assert.Contains(dotnetCalls, c => c.StartsWith("'build', $solution", StringComparison.Ordinal));
        Assert.Contains(dotnetCalls, c => c.Contains("src/OktaBaton.Demo", StringComparison.Ordinal) && c.StartsWith("'run'", StringComparison.Ordinal));

        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        Assert.Contains("dotnet test OktaBaton.sln", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/OktaBaton.Demo", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test OktaBaton.sln", File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "run")), StringComparison.Ordinal);
    }

    public static TheoryData<string> PowerShellScripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests", "pester"), "*.ps*1")
                     .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "examples"), "*.ps1"))
                     .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "OktaBaton.Demo"), "*.ps1"))
                     .Order())
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PowerShellScripts))]
    public void ScriptsParseAndUseOnlyExportedOktaCommands(string relativePath)
    {
        var ast = Parse(Path.Combine(RepoPaths.Root, relativePath));
        using var session = new ModuleSession();
        var exported = session.Run("(Get-Module OktaBaton).ExportedCmdlets.Keys").Output.Select(o => (string)o.BaseObject).ToHashSet();

        var oktaCommands = ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>()
            .Select(c => c.GetCommandName())
            .Where(n => n is not null && n.Contains("-Okta", StringComparison.Ordinal))
            .ToList();

        Assert.All(oktaCommands, name => Assert.Contains(name!, exported));
    }
}
