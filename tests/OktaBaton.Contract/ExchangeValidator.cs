using System.Globalization;
using System.Text;
using System.Text.Json;
using OktaBaton.Simulator;

namespace OktaBaton.Contract;

/// <summary>
/// Checks one simulator exchange against Okta's spec: the operation exists; a request OktaBaton's client sent
/// has declared, well-typed path and query parameters and a declared, valid body; the answer has a declared
/// status, content type and a body its schema accepts. Answers of the simulated network (injected faults, the
/// front end's 411) and requests the simulator serves no route for (unknown paths) are not Okta's API.
/// </summary>
public sealed class ExchangeValidator
{
    /// <summary>OktaBaton's client names itself so in User-Agent; other callers (tests probing the simulator) are not checked.</summary>
    public const string ClientUserAgentPrefix = "OktaBaton/";

    private readonly ContractSpec _spec;

    public ExchangeValidator(ContractSpec spec) => _spec = spec;

    public List<Violation> Validate(SimulatorExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var violations = new List<Violation>();
        if (exchange.RouteTemplate is null) return violations;
        var match = _spec.Find(exchange.Method, exchange.Path);
        if (match is null)
        {
            violations.Add(new Violation(ViolationKinds.UndeclaredOperation, exchange.RouteTemplate, null, null,
                $"the simulator serves {exchange.Method} {exchange.RouteTemplate}, but the contract has no such operation of Okta's: add it to " +
                "tests/OktaBaton.Contract/spec/operations.txt and extract it (tests/OktaBaton.Contract/README.md)"));
            return violations;
        }

        var operation = match.Operation;
        if (exchange.RequestHeaders.TryGetValue("User-Agent", out var agent) && agent.StartsWith(ClientUserAgentPrefix, StringComparison.Ordinal))
        {
            foreach (var violation in ValidateRequest(exchange, match)) violations.Add(violation with { Operation = operation.Key });
        }
        if (!exchange.FromNetwork && !exchange.Aborted)
        {
            foreach (var violation in ValidateResponse(exchange, operation)) violations.Add(violation with { Operation = operation.Key, Status = exchange.StatusCode });
        }
        return violations;
    }

    private static IEnumerable<Violation> ValidateRequest(SimulatorExchange exchange, SpecMatch match)
    {
        var operation = match.Operation;
        var violations = new List<Violation>();
        var parameters = operation.Parameters().ToList();
        var query = ParseQuery(exchange.QueryString);
        foreach (var parameter in parameters)
        {
            var name = parameter.GetProperty("name").GetString()!;
            var place = parameter.GetProperty("in").GetString();
            string? value = place switch
            {
                "path" => match.PathValues.TryGetValue(name, out var p) ? p : null,
                "query" => query.TryGetValue(name, out var q) ? q : null,
                _ => null,
            };
            if (place is not ("path" or "query")) continue;
            if (value is null)
            {
                if (parameter.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.True)
                {
                    violations.Add(new Violation(ViolationKinds.MissingParameter, $"{place}.{name}", null, name, $"the required {place} parameter '{name}' is missing"));
                }
                continue;
            }
            if (parameter.TryGetProperty("schema", out var schema))
            {
                new SchemaValidator(operation.Resolver, Direction.Request).Validate(ParameterValue(value, operation.Resolver.Resolve(schema).Element), schema, $"{place}.{name}", violations);
            }
        }
        var declared = parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()).ToHashSet(StringComparer.Ordinal);
        foreach (var name in query.Keys.Where(n => !declared.Contains(n)))
        {
            violations.Add(new Violation(ViolationKinds.UndeclaredParameter, $"query.{name}", null, name, $"the query parameter '{name}' is not one of the operation's"));
        }

        var hasRequestBody = operation.Operation.TryGetProperty("requestBody", out var requestBodyReference);
        if (exchange.RequestBody.IsEmpty)
        {
            if (hasRequestBody && operation.Resolver.Resolve(requestBodyReference).Element.TryGetProperty("required", out var needed) && needed.ValueKind == JsonValueKind.True)
            {
                violations.Add(new Violation(ViolationKinds.MissingBody, "request", null, null, "the operation requires a request body"));
            }
            return violations;
        }
        if (!hasRequestBody)
        {
            violations.Add(new Violation(ViolationKinds.UndeclaredBody, "request", null, null, "the operation takes no request body"));
            return violations;
        }
        exchange.RequestHeaders.TryGetValue("Content-Type", out var contentType);
        var content = operation.Resolver.Resolve(requestBodyReference).Element.GetProperty("content");
        violations.AddRange(ValidateBody(exchange.RequestBody, contentType, content, operation.Resolver, Direction.Request, "request"));
        return violations;
    }

    private static IEnumerable<Violation> ValidateResponse(SimulatorExchange exchange, SpecOperation operation)
    {
        var responses = operation.Operation.GetProperty("responses");
        var status = exchange.StatusCode.ToString(CultureInfo.InvariantCulture);
        if (!responses.TryGetProperty(status, out var declared) && !responses.TryGetProperty(status[0] + "XX", out declared) && !responses.TryGetProperty("default", out declared))
        {
            return new[]
            {
                new Violation(ViolationKinds.UndeclaredStatus, "response", null, null,
                    $"Okta's spec declares {string.Join(", ", responses.EnumerateObject().Select(r => r.Name))} for this operation, not {status}"),
            };
        }
        var response = operation.Resolver.Resolve(declared).Element;
        var hasContent = response.TryGetProperty("content", out var content) && content.EnumerateObject().Any();
        if (exchange.ResponseBody.IsEmpty)
        {
            return hasContent && content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out _))
                ? new[] { new Violation(ViolationKinds.MissingBody, "response", null, null, "the answer has no body, but the spec declares one") }
                : Array.Empty<Violation>();
        }
        if (!hasContent)
        {
            return new[] { new Violation(ViolationKinds.UndeclaredBody, "response", null, null, "the spec declares no body for this answer") };
        }
        exchange.ResponseHeaders.TryGetValue("Content-Type", out var contentType);
        return ValidateBody(exchange.ResponseBody, contentType, content, operation.Resolver, Direction.Response, "response");
    }

    private static List<Violation> ValidateBody(ReadOnlyMemory<byte> body, string? contentType, JsonElement content, SchemaResolver resolver, Direction direction, string where)
    {
        var violations = new List<Violation>();
        var mediaType = (contentType ?? string.Empty).Split(';')[0].Trim();
        if (!content.TryGetProperty(mediaType, out var media))
        {
            violations.Add(new Violation(ViolationKinds.UndeclaredContentType, where, null, null,
                $"Content-Type '{mediaType}' is not one of {string.Join(", ", content.EnumerateObject().Select(c => c.Name))}"));
            return violations;
        }
        if (!media.TryGetProperty("schema", out var schema)) return violations;
        JsonDocument document;
        try
        {
            document = mediaType == "application/x-www-form-urlencoded"
                ? FormAsJson(Encoding.UTF8.GetString(body.Span))
                : JsonDocument.Parse(body);
        }
        catch (JsonException error)
        {
            violations.Add(new Violation(ViolationKinds.NotJson, where, null, null, $"the body is not JSON: {error.Message}"));
            return violations;
        }
        using (document)
        {
            new SchemaValidator(resolver, direction).Validate(document.RootElement, schema, "$", violations);
        }
        return violations;
    }

    /// <summary>A parameter's text as the JSON value its schema's type reads it as.</summary>
    private static JsonElement ParameterValue(string text, JsonElement schema)
    {
        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : "string";
        var json = type switch
        {
            "integer" or "number" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => text,
            "boolean" when text is "true" or "false" => text,
            _ => JsonSerializer.Serialize(text),
        };
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static Dictionary<string, string> ParseQuery(string queryString)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in queryString.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            result[name] = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
        }
        return result;
    }

    private static JsonDocument FormAsJson(string form) => JsonDocument.Parse(JsonSerializer.Serialize(ParseQuery(form)));
}
