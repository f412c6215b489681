using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using OktaBaton.PowerShell.Tests.Infrastructure;

namespace OktaBaton.PowerShell.Tests.Module;

/// <summary>
/// Every ```powershell example in README.md and in the cmdlet help parses, calls only cmdlets the module
/// exports, and names only parameters those cmdlets have — so the documentation cannot drift from the code.
/// </summary>
public sealed class DocumentationExampleTests
{
    private static readonly HashSet<string> CommonParameters = new(
        PSCmdlet.CommonParameters.Concat(PSCmdlet.OptionalCommonParameters), StringComparer.OrdinalIgnoreCase);

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string> { "README.md" };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "module", "help"), "*.md").Order())
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void PowerShellExamplesUseRealCmdletsAndParameters(string relativePath)
    {
        var markdown = File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath));
        var blocks = Regex.Matches(markdown, "```powershell\\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(blocks);

        using var session = new ModuleSession();
        var parameters = session.Run("Get-Command -Module OktaBaton | ForEach-Object { $c = $_; $c.Parameters.Keys | ForEach-Object { $c.Name + ' ' + $_ } }")
            .Output.Select(o => ((string)o.BaseObject).Split(' ')).ToLookup(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);

        foreach (var block in blocks)
        {
            var ast = Parser.ParseInput(block, out _, out var errors);
            Assert.True(errors.Length == 0, $"{relativePath}: example does not parse: {string.Join("; ", errors.Select(e => e.Message))}\n{block}");
            foreach (var command in ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>())
            {
                var name = command.GetCommandName();
                if (name is null || !Regex.IsMatch(name, "^[A-Za-z]+-Okta"))
                {
                    continue;
                }

                Assert.True(parameters.Contains(name), $"{relativePath}: {name} is not a cmdlet of the module");
                foreach (var parameter in command.CommandElements.OfType<CommandParameterAst>())
                {
                    Assert.True(
                        parameters[name].Contains(parameter.ParameterName, StringComparer.OrdinalIgnoreCase) || CommonParameters.Contains(parameter.ParameterName),
                        $"{relativePath}: {name} has no parameter -{parameter.ParameterName}");
                }
            }
        }
    }
}
