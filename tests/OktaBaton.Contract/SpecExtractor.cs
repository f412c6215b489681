using System.Text.Json;
using System.Text.Json.Nodes;

namespace OktaBaton.Contract;

/// <summary>
/// Cuts the operations the module uses, and every component they reference, out of one of Okta's published
/// OpenAPI documents. The parts are copied unchanged but for the examples, which are documentation (and
/// reference more components) rather than contract.
/// </summary>
internal static class SpecExtractor
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal) { "examples", "example" };

    public static JsonObject Extract(JsonObject spec, IEnumerable<(string Method, string Path)> operations)
    {
        var paths = new JsonObject();
        var components = new SortedDictionary<string, SortedDictionary<string, JsonNode?>>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var specPaths = spec["paths"]!.AsObject();
        foreach (var (method, path) in operations)
        {
            var item = specPaths[path]?.AsObject() ?? throw new InvalidDataException($"Okta's spec has no path {path}.");
            var operation = item[method.ToLowerInvariant()] ?? throw new InvalidDataException($"Okta's spec has no {method} {path}.");
            if (paths[path] is not JsonObject target)
            {
                target = new JsonObject();
                if (item["parameters"] is { } shared) target["parameters"] = Copy(shared, pending);
                paths[path] = target;
            }
            target[method.ToLowerInvariant()] = Copy(operation, pending);
        }
        while (pending.Count > 0)
        {
            var reference = pending.Dequeue();
            if (!seen.Add(reference)) continue;
            var parts = reference.Split('/'); // #/components/{kind}/{name}
            if (parts.Length != 4 || parts[0] != "#" || parts[1] != "components")
            {
                throw new InvalidDataException($"Unsupported reference {reference}.");
            }
            var component = spec["components"]?[parts[2]]?[parts[3]] ?? throw new InvalidDataException($"Dangling reference {reference}.");
            if (!components.TryGetValue(parts[2], out var kind)) components[parts[2]] = kind = new(StringComparer.Ordinal);
            kind[parts[3]] = Copy(component, pending);
        }

        var result = new JsonObject
        {
            ["openapi"] = spec["openapi"]?.DeepClone(),
            ["info"] = spec["info"]?.DeepClone(),
            ["paths"] = paths,
        };
        var componentsNode = new JsonObject();
        foreach (var (kind, entries) in components)
        {
            var kindNode = new JsonObject();
            foreach (var (name, value) in entries) kindNode[name] = value;
            componentsNode[kind] = kindNode;
        }
        result["components"] = componentsNode;
        return result;
    }

    /// <summary>A deep copy without examples; every $ref met is queued.</summary>
    private static JsonNode? Copy(JsonNode? node, Queue<string> references)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (Dropped.Contains(key)) continue;
                    if (key == "$ref" && value is JsonValue reference) references.Enqueue(reference.GetValue<string>());
                    copy[key] = Copy(value, references);
                }
                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(item => Copy(item, references)).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    public static string ToJson(JsonObject document) =>
        document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
}
