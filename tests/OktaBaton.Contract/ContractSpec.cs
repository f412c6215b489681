using System.Reflection;
using System.Text.Json;

namespace OktaBaton.Contract;

/// <summary>Okta's spec parts (spec/*.json, embedded): finds the operation a request names and resolves references.</summary>
public sealed class ContractSpec
{
    private static readonly Lazy<ContractSpec> Loaded = new(Load);
    private readonly List<SpecOperation> _operations = new();

    private ContractSpec()
    {
    }

    /// <summary>The spec parts in the repository, loaded once per process.</summary>
    public static ContractSpec Okta => Loaded.Value;

    public IReadOnlyList<SpecOperation> Operations => _operations;

    public static ContractSpec FromDocuments(IEnumerable<JsonDocument> documents)
    {
        var spec = new ContractSpec();
        foreach (var document in documents) spec.Add(document);
        return spec;
    }

    /// <summary>The listed operation whose template matches the method and path (literal segments beat parameters).</summary>
    public SpecMatch? Find(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        SpecMatch? best = null;
        var bestLiterals = -1;
        foreach (var operation in _operations)
        {
            if (!string.Equals(operation.Method, method, StringComparison.OrdinalIgnoreCase) || operation.Segments.Length != segments.Length) continue;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var literals = 0;
            var matched = true;
            for (var i = 0; i < segments.Length && matched; i++)
            {
                var template = operation.Segments[i];
                if (template.Length > 2 && template[0] == '{' && template[^1] == '}')
                {
                    values[template[1..^1]] = segments[i];
                }
                else if (string.Equals(template, segments[i], StringComparison.Ordinal))
                {
                    literals++;
                }
                else
                {
                    matched = false;
                }
            }
            if (matched && literals > bestLiterals)
            {
                best = new SpecMatch(operation, values);
                bestLiterals = literals;
            }
        }
        return best;
    }

    /// <summary>
    /// Whether some listed operation can serve a simulator route template: its literal segments equal the
    /// operation's, its parameters stand for anything (/users/{id}/lifecycle/{action} is served by each lifecycle
    /// operation).
    /// </summary>
    public bool Covers(string method, string routeTemplate)
    {
        var segments = routeTemplate.Trim('/').Split('/');
        return _operations.Any(o => string.Equals(o.Method, method, StringComparison.OrdinalIgnoreCase)
            && o.Segments.Length == segments.Length
            && o.Segments.Zip(segments).All(p => IsParameter(p.Second) || IsParameter(p.First) || string.Equals(p.First, p.Second, StringComparison.Ordinal)));
    }

    private static bool IsParameter(string segment) => segment.Length > 2 && segment[0] == '{' && segment[^1] == '}';

    private void Add(JsonDocument document)
    {
        var root = document.RootElement;
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var entry in path.Value.EnumerateObject())
            {
                if (entry.Name == "parameters") continue;
                _operations.Add(new SpecOperation(new SchemaResolver(root), path.Name, entry.Name.ToUpperInvariant(), path.Value, entry.Value));
            }
        }
    }

    private static ContractSpec Load()
    {
        var assembly = typeof(ContractSpec).Assembly;
        return FromDocuments(new[] { SpecDocument.Management, SpecDocument.OAuth }.Select(d => Read(assembly, SpecFiles.FileNameOf(d))));
    }

    private static JsonDocument Read(Assembly assembly, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream("OktaBaton.Contract.spec." + fileName)
            ?? throw new InvalidOperationException($"The contract's spec/{fileName} is not embedded.");
        return JsonDocument.Parse(stream);
    }
}

/// <summary>One operation of Okta's spec: its path item (shared parameters) and its operation object.</summary>
public sealed class SpecOperation
{
    internal SpecOperation(SchemaResolver resolver, string template, string method, JsonElement pathItem, JsonElement operation)
    {
        Resolver = resolver;
        Template = template;
        Method = method;
        PathItem = pathItem;
        Operation = operation;
        Segments = template.Trim('/').Split('/');
    }

    internal SchemaResolver Resolver { get; }

    public string Template { get; }

    public string Method { get; }

    public JsonElement PathItem { get; }

    public JsonElement Operation { get; }

    internal string[] Segments { get; }

    public string Key => $"{Method} {Template}";

    /// <summary>The path item's and the operation's parameters, references resolved; the operation's win.</summary>
    public IEnumerable<JsonElement> Parameters()
    {
        var byKey = new Dictionary<(string, string), JsonElement>();
        foreach (var source in new[] { PathItem, Operation })
        {
            if (!source.TryGetProperty("parameters", out var list)) continue;
            foreach (var reference in list.EnumerateArray())
            {
                var parameter = Resolver.Resolve(reference).Element;
                byKey[(parameter.GetProperty("in").GetString()!, parameter.GetProperty("name").GetString()!)] = parameter;
            }
        }
        return byKey.Values;
    }
}

public sealed record SpecMatch(SpecOperation Operation, IReadOnlyDictionary<string, string> PathValues);

/// <summary>Follows <c>#/components/…</c> references within one document.</summary>
internal sealed class SchemaResolver
{
    private readonly JsonElement _root;

    public SchemaResolver(JsonElement root) => _root = root;

    /// <summary>The element a reference like <c>#/components/schemas/User</c> names, if the document has it.</summary>
    public bool TryFind(string reference, out JsonElement element)
    {
        element = _root;
        foreach (var part in reference.Split('/').Skip(1))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element)) return false;
        }
        return true;
    }

    /// <summary>The element a chain of $refs ends at, and the last component name on the way.</summary>
    public (JsonElement Element, string? Name) Resolve(JsonElement element)
    {
        string? name = null;
        for (var hops = 0; element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference); hops++)
        {
            if (hops > 32) throw new InvalidOperationException("A $ref cycle in the contract's spec.");
            var parts = reference.GetString()!.Split('/');
            var target = _root;
            foreach (var part in parts.Skip(1)) target = target.GetProperty(part);
            element = target;
            name = parts[^1];
        }
        return (element, name);
    }
}
