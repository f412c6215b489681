using System.Text;

namespace OktaBaton.Tests.Shared;

/// <summary>
/// Ways a sync file can be cut, edited or mis-encoded, each applied to the text of a whole, valid version-2 file as
/// OktaBaton writes it (one header property per line, one item per line, "end" last). Shared by the engine's and the
/// cmdlets' reliability tests: every query must refuse each of them before its first record.
/// </summary>
public static class SyncFileDamage
{
    public sealed record Damage(string Name, Func<byte[], byte[]> Apply, bool IsVersion = false)
    {
        public override string ToString() => Name;
    }

    private static readonly string[] HeaderFields = ["syncId", "startedAt", "completedAt", "org", "options", "resourceTypes", "warnings", "stats"];
    private static readonly string[] Sections = ["resources", "entitlements", "grants"];

    /// <summary>Every damage, by name.</summary>
    public static IReadOnlyList<Damage> All { get; } = Build();

    public static Damage Named(string name) => All.Single(d => d.Name == name);

    public static IEnumerable<object[]> Names() => All.Select(d => new object[] { d.Name });

    private static List<Damage> Build()
    {
        var all = new List<Damage>
        {
            Text("cut inside the header", t => t[..(t.IndexOf("\"startedAt\"", StringComparison.Ordinal) + 5)]),
            Text("cut before the closing brace", t => t[..t.TrimEnd().LastIndexOf('}')]),
            Text("cut before the end marker", t => t[..t.IndexOf("\"end\":", StringComparison.Ordinal)]),
            Text("end marker removed", t => t.Replace("],\n" + Line(t, "\"end\":") + "\n}", "]\n}", StringComparison.Ordinal)),
            Text("end marker of another sync", t => t.Replace(Line(t, "\"end\":"), "\"end\":{\"syncId\":\"another-sync\"}", StringComparison.Ordinal)),
            Text("trailing garbage", t => t + "x"),
            Text("a second document after the first", t => t + "{\"format\":\"oktabaton.sync\"}\n"),
            Text("a second closing brace", t => t + "}\n"),
            Text("a property after the end marker", t => t.Replace(Line(t, "\"end\":"), Line(t, "\"end\":") + ",\n\"extra\":1", StringComparison.Ordinal)),
            Text("grants missing", t => RemoveSection(t, "grants")),
            Text("entitlements before resources", t => SwapSections(t, "resources", "entitlements")),
            Text("a grant without a principal, last in the file", t => t.Replace(LastItem(t, "grants"), LastItem(t, "grants").Replace("\"principal\"", "\"principle\"", StringComparison.Ordinal), StringComparison.Ordinal)),
            Text("a grant whose id does not match, last in the file", t => t.Replace(LastItem(t, "grants"), LastItem(t, "grants").Replace(":user:", ":user:x", StringComparison.Ordinal).Replace(":group:", ":group:x", StringComparison.Ordinal), StringComparison.Ordinal)),
            Text("a syntax error in the last grant", t => t.Replace(LastItem(t, "grants"), LastItem(t, "grants")[..^1], StringComparison.Ordinal)),
            Text("version 1", t => t.Replace("\"version\":2", "\"version\":1", StringComparison.Ordinal), isVersion: true),
            Text("version 3", t => t.Replace("\"version\":2", "\"version\":3", StringComparison.Ordinal), isVersion: true),
            Text("version as a string", t => t.Replace("\"version\":2", "\"version\":\"2\"", StringComparison.Ordinal)),
            Text("another format", t => t.Replace("\"oktabaton.sync\"", "\"baton.c1z\"", StringComparison.Ordinal)),
            Text("a header property twice", t => t.Replace(Line(t, "\"syncId\":"), Line(t, "\"syncId\":") + ",\n" + Line(t, "\"syncId\":"), StringComparison.Ordinal)),
            new("UTF-16 with a byte order mark", b => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(b))).ToArray()),
            new("UTF-16 big-endian with a byte order mark", b => Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(Encoding.UTF8.GetString(b))).ToArray()),
            new("UTF-16 without a byte order mark", b => Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(b))),
            new("UTF-32 with a byte order mark", b => Encoding.UTF32.GetPreamble().Concat(Encoding.UTF32.GetBytes(Encoding.UTF8.GetString(b))).ToArray()),
            new("a Latin-1 byte in the last grant", b => ReplaceLast(b, "\"entitlement\":\"", [.. Encoding.ASCII.GetBytes("\"entitlement\":\""), 0xE9])),
            new("the empty file", _ => []),
            new("a file of white space", _ => "\n  \n"u8.ToArray()),
        };
        foreach (var field in HeaderFields)
        {
            all.Add(Text($"header without {field}", t => t.Replace(Line(t, $"\"{field}\":") + ",\n", "", StringComparison.Ordinal)));
        }
        foreach (var section in Sections)
        {
            all.Add(Text($"cut after the {section}", t => t[..(t.IndexOf("\n],\n", t.IndexOf($"\"{section}\":[", StringComparison.Ordinal), StringComparison.Ordinal) + 4)]));
            all.Add(Text($"cut in the middle of the {section}", t => t[..(t.IndexOf($"\"{section}\":[", StringComparison.Ordinal) + Section(t, section).Length / 2)]));
            all.Add(Text($"cut after an item of the {section}", t => t[..(t.IndexOf(",\n", t.IndexOf($"\"{section}\":[", StringComparison.Ordinal), StringComparison.Ordinal) + 2)]));
            all.Add(Text($"a duplicate in the {section}", t => t.Replace(LastItem(t, section), FirstItem(t, section) + ",\n" + LastItem(t, section), StringComparison.Ordinal)));
        }
        return all;
    }

    private static Damage Text(string name, Func<string, string> edit, bool isVersion = false) =>
        new(name, bytes => Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(bytes))), isVersion);

    private static string Line(string text, string prefix)
    {
        var start = text.IndexOf("\n" + prefix, StringComparison.Ordinal) + 1;
        var end = text.IndexOf('\n', start);
        return text[start..end].TrimEnd(',');
    }

    private static string Section(string text, string section)
    {
        var start = text.IndexOf($"\"{section}\":[\n", StringComparison.Ordinal);
        var end = text.IndexOf("\n],\n", start, StringComparison.Ordinal) + 4;
        return text[start..end];
    }

    private static string[] Items(string text, string section)
    {
        var lines = Section(text, section).Split('\n');
        return lines[1..^2].Select(l => l.TrimEnd(',')).ToArray();
    }

    private static string FirstItem(string text, string section) => Items(text, section)[0];

    private static string LastItem(string text, string section) => Items(text, section)[^1];

    private static string RemoveSection(string text, string section) => text.Replace(Section(text, section), "", StringComparison.Ordinal);

    private static string SwapSections(string text, string first, string second)
    {
        var a = Section(text, first);
        var b = Section(text, second);
        return text.Replace(a + b, b + a, StringComparison.Ordinal);
    }

    private static byte[] ReplaceLast(byte[] bytes, string marker, byte[] replacement)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var at = Encoding.UTF8.GetByteCount(text[..text.LastIndexOf(marker, StringComparison.Ordinal)]);
        var markerBytes = Encoding.UTF8.GetByteCount(marker);
        return [.. bytes[..at], .. replacement, .. bytes[(at + markerBytes)..]];
    }
}
