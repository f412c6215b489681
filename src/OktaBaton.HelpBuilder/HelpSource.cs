namespace OktaBaton.HelpBuilder;

/// <summary>
/// One cmdlet's help as written in module/help/{Verb-Noun}.md: "## SYNOPSIS", "## DESCRIPTION",
/// "## EXAMPLES" ("### title", a ```powershell block, remarks), "## PARAMETERS" ("### -Name", text),
/// "## INPUTS"/"## OUTPUTS" ("### TypeName", text), "## NOTES", "## RELATED LINKS" (one per line).
/// </summary>
public sealed class HelpSource
{
    public string Synopsis { get; private set; } = string.Empty;

    public List<string> Description { get; } = [];

    public List<HelpExample> Examples { get; } = [];

    public Dictionary<string, List<string>> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<(string Type, List<string> Text)> Inputs { get; } = [];

    public List<(string Type, List<string> Text)> Outputs { get; } = [];

    public List<string> Notes { get; } = [];

    public List<string> RelatedLinks { get; } = [];

    public static HelpSource Parse(string markdown)
    {
        var source = new HelpSource();
        string? section = null;
        string? heading = null;
        var paragraph = new List<string>();
        HelpExample? example = null;
        var inCode = false;

        void FlushParagraph()
        {
            if (paragraph.Count == 0)
            {
                return;
            }

            var text = string.Join(" ", paragraph).Trim();
            paragraph.Clear();
            if (text.Length == 0)
            {
                return;
            }

            switch (section)
            {
                case "SYNOPSIS": source.Synopsis = (source.Synopsis + " " + text).Trim(); break;
                case "DESCRIPTION": source.Description.Add(text); break;
                case "EXAMPLES" when example is not null: example.Remarks.Add(text); break;
                case "PARAMETERS" when heading is not null: ListFor(source.Parameters, heading.TrimStart('-')).Add(text); break;
                case "INPUTS" when heading is not null: source.Inputs[^1].Text.Add(text); break;
                case "OUTPUTS" when heading is not null: source.Outputs[^1].Text.Add(text); break;
                case "NOTES": source.Notes.Add(text); break;
                case "RELATED LINKS": source.RelatedLinks.Add(text); break;
            }
        }

        foreach (var raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (inCode)
            {
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    inCode = false;
                }
                else
                {
                    example!.Code.Add(line);
                }

                continue;
            }

            if (line.StartsWith("<!--", StringComparison.Ordinal) && line.EndsWith("-->", StringComparison.Ordinal))
            {
                continue; // a note for readers of the markdown (e.g. why an example is not run in CI), not help text
            }

            if (line.StartsWith("```", StringComparison.Ordinal) && section == "EXAMPLES" && example is not null)
            {
                FlushParagraph();
                inCode = true;
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                FlushParagraph();
                section = line[3..].Trim().ToUpperInvariant();
                heading = null;
                example = null;
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                FlushParagraph();
                heading = line[4..].Trim();
                switch (section)
                {
                    case "EXAMPLES": example = new HelpExample(heading); source.Examples.Add(example); break;
                    case "INPUTS": source.Inputs.Add((heading, [])); break;
                    case "OUTPUTS": source.Outputs.Add((heading, [])); break;
                }
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                FlushParagraph();
            }
            else if (line.Length == 0 || (section == "RELATED LINKS" && paragraph.Count > 0))
            {
                FlushParagraph();
                if (line.Length > 0)
                {
                    paragraph.Add(line);
                }
            }
            else
            {
                paragraph.Add(line);
            }
        }

        FlushParagraph();
        return source;
    }

    private static List<string> ListFor(Dictionary<string, List<string>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        return list;
    }
}

public sealed class HelpExample(string title)
{
    public string Title { get; } = title;

    public List<string> Code { get; } = [];

    public List<string> Remarks { get; } = [];
}
