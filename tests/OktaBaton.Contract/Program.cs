using System.Text.Json.Nodes;

namespace OktaBaton.Contract;

/// <summary>
/// <c>dotnet run --project tests/OktaBaton.Contract -- extract MANAGEMENT_YAML OAUTH_YAML</c>: rewrites
/// spec/okta-management.json and spec/okta-oauth.json from Okta's published spec and spec/operations.txt.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length != 3 || args[0] != "extract")
        {
            Console.Error.WriteLine("usage: dotnet run --project tests/OktaBaton.Contract -- extract MANAGEMENT_YAML OAUTH_YAML");
            return 2;
        }
        var specDirectory = Path.Combine(FindProjectDirectory(), "spec");
        var operations = OperationList.Read(Path.Combine(specDirectory, OperationList.FileName));
        foreach (var (document, yaml) in new[] { (SpecDocument.Management, args[1]), (SpecDocument.OAuth, args[2]) })
        {
            var spec = YamlToJson.Read(yaml)!.AsObject();
            var subset = SpecExtractor.Extract(spec, operations.Where(o => o.Document == document).Select(o => (o.Method, o.Path)));
            var target = Path.Combine(specDirectory, SpecFiles.FileNameOf(document));
            File.WriteAllText(target, SpecExtractor.ToJson(subset));
            Console.WriteLine($"wrote {target}: {subset["paths"]!.AsObject().Count} paths");
        }
        return 0;
    }

    private static string FindProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OktaBaton.Contract.csproj"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException("Run the extractor from the repository (dotnet run --project tests/OktaBaton.Contract).");
    }
}
