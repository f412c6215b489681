namespace OktaBaton.Contract;

/// <summary>Which document of Okta's a spec part comes from.</summary>
public enum SpecDocument
{
    Management,
    OAuth,
}

/// <summary>Where each document's parts live in spec/.</summary>
public static class SpecFiles
{
    public static string FileNameOf(SpecDocument document) => document switch
    {
        SpecDocument.Management => "okta-management.json",
        _ => "okta-oauth.json",
    };
}

/// <summary>One line of spec/operations.txt: "management GET /api/v1/users".</summary>
public sealed record ListedOperation(SpecDocument Document, string Method, string Path);

/// <summary>spec/operations.txt: the operations the module uses, which the extractor copies out of Okta's spec.</summary>
public static class OperationList
{
    public const string FileName = "operations.txt";

    public static IReadOnlyList<ListedOperation> Read(string path) => Parse(File.ReadAllLines(path));

    public static IReadOnlyList<ListedOperation> Parse(IEnumerable<string> lines)
    {
        var result = new List<ListedOperation>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3) throw new FormatException($"operations.txt: expected 'DOCUMENT METHOD PATH', not '{line}'.");
            var document = parts[0] switch
            {
                "management" => SpecDocument.Management,
                "oauth" => SpecDocument.OAuth,
                _ => throw new FormatException($"operations.txt: unknown document '{parts[0]}' (management or oauth)."),
            };
            result.Add(new ListedOperation(document, parts[1].ToUpperInvariant(), parts[2]));
        }
        return result;
    }
}
