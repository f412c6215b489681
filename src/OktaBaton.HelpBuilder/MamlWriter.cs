using System.Management.Automation;
using System.Xml.Linq;

namespace OktaBaton.HelpBuilder;

/// <summary>
/// Writes PowerShell MAML help: prose from <see cref="HelpSource"/>, syntax and parameter facts
/// (types, mandatory, position, pipeline input, aliases) from the cmdlets' real metadata.
/// </summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static readonly HashSet<string> CommonParameters = new(
        PSCmdlet.CommonParameters.Concat(PSCmdlet.OptionalCommonParameters), StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds the help document, or the list of what is missing from the markdown.</summary>
    public static (XDocument Document, IReadOnlyList<string> Problems) Build(IEnumerable<CmdletInfo> cmdlets, Func<string, string?> readMarkdown)
    {
        var problems = new List<string>();
        var root = new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
            new XAttribute(XNamespace.Xmlns + "maml", Maml), new XAttribute(XNamespace.Xmlns + "command", Command), new XAttribute(XNamespace.Xmlns + "dev", Dev));
        foreach (var cmdlet in cmdlets.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var markdown = readMarkdown(cmdlet.Name);
            if (markdown is null)
            {
                problems.Add($"{cmdlet.Name}: no module/help/{cmdlet.Name}.md");
                continue;
            }

            var source = HelpSource.Parse(markdown);
            problems.AddRange(Check(cmdlet, source));
            root.Add(CommandElement(cmdlet, source));
        }

        return (new XDocument(new XDeclaration("1.0", "utf-8", null), root), problems);
    }

    private static IEnumerable<string> Check(CmdletInfo cmdlet, HelpSource source)
    {
        if (source.Synopsis.Length == 0)
        {
            yield return $"{cmdlet.Name}: no SYNOPSIS";
        }

        if (source.Description.Count == 0)
        {
            yield return $"{cmdlet.Name}: no DESCRIPTION";
        }

        if (source.Examples.Count == 0 || source.Examples.Any(e => e.Code.Count == 0))
        {
            yield return $"{cmdlet.Name}: every cmdlet needs at least one EXAMPLE with code";
        }

        var actual = OwnParameters(cmdlet).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in actual.Where(n => !source.Parameters.ContainsKey(n)))
        {
            yield return $"{cmdlet.Name}: parameter -{name} is not documented";
        }

        foreach (var name in source.Parameters.Keys.Where(n => !actual.Contains(n)))
        {
            yield return $"{cmdlet.Name}: documents -{name}, which the cmdlet does not have";
        }

        var inputs = Inputs(cmdlet).Select(i => i.Type).ToHashSet(StringComparer.Ordinal);
        foreach (var (type, _) in source.Inputs.Where(i => !inputs.Contains(i.Type)))
        {
            yield return $"{cmdlet.Name}: INPUTS documents {type}, which no parameter binds from the pipeline (INPUTS come from the bindings: {string.Join(", ", inputs)})";
        }

        var outputs = Outputs(cmdlet).ToHashSet(StringComparer.Ordinal);
        foreach (var (type, _) in source.Outputs.Where(o => !outputs.Contains(o.Type)))
        {
            yield return $"{cmdlet.Name}: OUTPUTS documents {type}, which is not in its [OutputType] (OUTPUTS come from it: {string.Join(", ", outputs)})";
        }

        if (string.IsNullOrEmpty(HelpUri(cmdlet)))
        {
            yield return $"{cmdlet.Name}: no HelpUri in its [Cmdlet] attribute (HelpLinks.Base + \"{cmdlet.Name}.md\")";
        }
    }

    private static string? HelpUri(CmdletInfo cmdlet) =>
        cmdlet.ImplementingType.GetCustomAttributes(typeof(CmdletAttribute), false).OfType<CmdletAttribute>().FirstOrDefault()?.HelpUri;

    /// <summary>What can be piped in, from the real bindings: one entry per parameter type, saying which parameters bind and how.</summary>
    private static IEnumerable<(string Type, IEnumerable<string> Text)> Inputs(CmdletInfo cmdlet)
    {
        var bindings = OwnParameters(cmdlet)
            .Select(p => (Parameter: p, Sets: p.ParameterSets.Values.ToList()))
            .Select(p => (p.Parameter, ByValue: p.Sets.Any(s => s.ValueFromPipeline), ByName: p.Sets.Any(s => s.ValueFromPipelineByPropertyName)))
            .Where(p => p.ByValue || p.ByName)
            .ToList();
        if (bindings.Count == 0)
        {
            return [("None", ["Nothing binds from the pipeline."])];
        }

        return bindings.GroupBy(b => TypeFullName(b.Parameter.ParameterType)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(group =>
        {
            var text = new List<string>();
            var byValue = group.Where(b => b.ByValue).Select(b => "-" + b.Parameter.Name).ToList();
            if (byValue.Count > 0)
            {
                text.Add($"By value: {string.Join(", ", byValue)}.");
            }

            var byName = group.Where(b => b.ByName).Select(b => b.Parameter.Aliases.Count == 0
                ? b.Parameter.Name
                : $"{b.Parameter.Name} (or {string.Join(", ", b.Parameter.Aliases)})").ToList();
            if (byName.Count > 0)
            {
                text.Add($"By property name, from any object with the property: {string.Join(", ", byName)}.");
            }

            return (group.Key, (IEnumerable<string>)text);
        });
    }

    /// <summary>What the cmdlet writes, from its [OutputType] attributes.</summary>
    private static IEnumerable<string> Outputs(CmdletInfo cmdlet)
    {
        var types = cmdlet.OutputType.Select(t => t.Type is { } type ? TypeFullName(type) : t.Name).Distinct(StringComparer.Ordinal).ToList();
        return types.Count == 0 ? ["None"] : types;
    }

    private static IEnumerable<string> Documented(List<(string Type, List<string> Text)> documented, string type) =>
        documented.Where(d => string.Equals(d.Type, type, StringComparison.Ordinal)).SelectMany(d => d.Text);

    private static string TypeFullName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? TypeFullName(inner)
        : type.IsArray ? TypeFullName(type.GetElementType()!) + "[]"
        : type.FullName ?? type.Name;

    private static IEnumerable<ParameterMetadata> OwnParameters(CmdletInfo cmdlet) =>
        cmdlet.Parameters.Values.Where(p => Shown(cmdlet, p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal);

    /// <summary>Not a common parameter, and not one the cmdlet hides (DontShow: it binds from the pipeline only).</summary>
    private static bool Shown(CmdletInfo cmdlet, string name) =>
        !CommonParameters.Contains(name)
        && cmdlet.ImplementingType.GetProperty(name)?.GetCustomAttributes(typeof(ParameterAttribute), true).Cast<ParameterAttribute>().All(a => a.DontShow) != true;

    private static XElement CommandElement(CmdletInfo cmdlet, HelpSource source)
    {
        return new XElement(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", cmdlet.Name),
                new XElement(Command + "verb", cmdlet.Verb),
                new XElement(Command + "noun", cmdlet.Noun),
                Paragraphs(Maml + "description", [source.Synopsis])),
            Paragraphs(Maml + "description", source.Description),
            new XElement(Command + "syntax", cmdlet.ParameterSets.OrderBy(s => s.IsDefault ? 0 : 1).ThenBy(s => s.Name, StringComparer.Ordinal).Select(set =>
                new XElement(Command + "syntaxItem",
                    new XElement(Maml + "name", cmdlet.Name),
                    set.Parameters.Where(p => Shown(cmdlet, p.Name))
                        .OrderBy(p => p.Position < 0 ? int.MaxValue : p.Position).ThenBy(p => p.IsMandatory ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal)
                        .Select(p => ParameterElement(p.Name, p.ParameterType, p.IsMandatory, p.Position, PipelineInput(p.ValueFromPipeline, p.ValueFromPipelineByPropertyName), p.Aliases, source))))),
            new XElement(Command + "parameters", OwnParameters(cmdlet).Select(p =>
            {
                var sets = p.ParameterSets.Values.ToList();
                var position = sets.Select(s => s.Position).DefaultIfEmpty(int.MinValue).Max();
                var pipeline = string.Join(", ", sets.Select(s => PipelineInput(s.ValueFromPipeline, s.ValueFromPipelineByPropertyName)).Where(v => v != "False").Distinct());
                return ParameterElement(p.Name, p.ParameterType, sets.All(s => s.IsMandatory), position, pipeline.Length == 0 ? "False" : pipeline, p.Aliases, source);
            })),
            new XElement(Command + "inputTypes", Inputs(cmdlet).Select(i => TypeElement(Command + "inputType", i.Type, i.Text.Concat(Documented(source.Inputs, i.Type))))),
            new XElement(Command + "returnValues", Outputs(cmdlet).Select(type => TypeElement(Command + "returnValue", type, Documented(source.Outputs, type)))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", source.Notes.Select(n => new XElement(Maml + "para", n)))),
            new XElement(Command + "examples", source.Examples.Select((e, i) => new XElement(Command + "example",
                new XElement(Maml + "title", $"-------------------------- Example {i + 1}: {e.Title} --------------------------"),
                new XElement(Dev + "code", string.Join("\n", e.Code)),
                Paragraphs(Dev + "remarks", e.Remarks)))),
            new XElement(Command + "relatedLinks",
                HelpUri(cmdlet) is not { Length: > 0 } online ? null : new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", "Online Version:"), new XElement(Maml + "uri", online)),
                source.RelatedLinks.Select(l => new XElement(Maml + "navigationLink",
                    new XElement(Maml + "linkText", l), new XElement(Maml + "uri")))));
    }

    private static XElement ParameterElement(string name, Type type, bool mandatory, int position, string pipelineInput, IEnumerable<string> aliases, HelpSource source)
    {
        var isSwitch = type == typeof(SwitchParameter);
        var aliasText = string.Join(", ", aliases);
        return new XElement(Command + "parameter",
            new XAttribute("required", mandatory ? "true" : "false"),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", "false"),
            new XAttribute("pipelineInput", pipelineInput),
            new XAttribute("position", position >= 0 ? position.ToString(System.Globalization.CultureInfo.InvariantCulture) : "named"),
            new XAttribute("aliases", aliasText.Length == 0 ? "none" : aliasText),
            new XElement(Maml + "name", name),
            Paragraphs(Maml + "description", source.Parameters.TryGetValue(name, out var text) ? text : []),
            isSwitch ? null : new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), TypeName(type)),
            new XElement(Dev + "type", new XElement(Maml + "name", TypeName(type)), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", "None"));
    }

    private static string PipelineInput(bool byValue, bool byPropertyName) =>
        (byValue, byPropertyName) switch
        {
            (true, true) => "True (ByPropertyName, ByValue)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };

    private static XElement TypeElement(XName name, string type, IEnumerable<string> text) =>
        new(name, new XElement(Dev + "type", new XElement(Maml + "name", type), new XElement(Maml + "uri")), Paragraphs(Maml + "description", text));

    private static XElement Paragraphs(XName name, IEnumerable<string> paragraphs) =>
        new(name, paragraphs.Select(p => new XElement(Maml + "para", p)));

    private static string TypeName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? TypeName(inner)
        : type.IsArray ? TypeName(type.GetElementType()!) + "[]"
        : type.Name;
}
