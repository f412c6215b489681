using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OktaBaton.Contract;

/// <summary>Which way a body travels: required readOnly properties bind answers only, writeOnly ones requests only.</summary>
public enum Direction
{
    Request,
    Response,
}

/// <summary>
/// Validates JSON against an OpenAPI 3.0 schema object: type, nullable, enum, format (date-time, int32, int64),
/// pattern, lengths, ranges, required (with readOnly/writeOnly per direction), properties, additionalProperties,
/// items, allOf, and oneOf/anyOf — by the discriminator's mapping when the schema has one (OpenAPI's rule: the
/// property's value picks the schema, or names it when unmapped), else by any alternative that fits.
/// </summary>
internal sealed class SchemaValidator
{
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);
    private readonly SchemaResolver _resolver;
    private readonly Direction _direction;

    public SchemaValidator(SchemaResolver resolver, Direction direction)
    {
        _resolver = resolver;
        _direction = direction;
    }

    public void Validate(JsonElement value, JsonElement schema, string location, List<Violation> violations) =>
        Check(value, schema, location, null, violations);

    private void Check(JsonElement value, JsonElement schemaOrReference, string location, string? schemaName, List<Violation> violations)
    {
        var (schema, name) = _resolver.Resolve(schemaOrReference);
        schemaName = name ?? schemaName;
        if (schema.ValueKind != JsonValueKind.Object) return;

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!IsTrue(schema, "nullable") && Constrains(schema))
            {
                violations.Add(Make(ViolationKinds.Null, location, schemaName, "is null, but the schema is not nullable"));
            }
            return;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray()) Check(value, part, location, schemaName, violations);
        }
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out var alternatives)) CheckAlternatives(value, schema, alternatives, location, schemaName, violations);
        }

        if (schema.TryGetProperty("type", out var typeElement) && !HasType(value, typeElement.GetString()!))
        {
            violations.Add(Make(ViolationKinds.Type, location, schemaName, $"is {Describe(value)}, not {typeElement.GetString()}"));
            return;
        }
        if (schema.TryGetProperty("enum", out var choices) && !choices.EnumerateArray().Any(c => JsonEquals(c, value)))
        {
            violations.Add(Make(ViolationKinds.Enum, location, schemaName, $"{value.GetRawText()} is not one of {string.Join(", ", choices.EnumerateArray().Select(c => c.GetRawText()))}"));
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(value.GetString()!, schema, location, schemaName, violations);
                break;
            case JsonValueKind.Number:
                CheckNumber(value, schema, location, schemaName, violations);
                break;
            case JsonValueKind.Array:
                if (schema.TryGetProperty("items", out var items))
                {
                    foreach (var item in value.EnumerateArray()) Check(item, items, $"{location}[*]", schemaName, violations);
                }
                CheckCount(value.GetArrayLength(), schema, "minItems", "maxItems", location, schemaName, violations);
                break;
            case JsonValueKind.Object:
                CheckObject(value, schema, location, schemaName, violations);
                break;
        }
    }

    private void CheckAlternatives(JsonElement value, JsonElement schema, JsonElement alternatives, string location, string? schemaName, List<Violation> violations)
    {
        if (schema.TryGetProperty("discriminator", out var discriminator) && value.ValueKind == JsonValueKind.Object)
        {
            var property = discriminator.GetProperty("propertyName").GetString()!;
            if (!value.TryGetProperty(property, out var tag) || tag.ValueKind != JsonValueKind.String)
            {
                violations.Add(Make(ViolationKinds.Discriminator, $"{location}.{property}", schemaName, $"the discriminator '{property}' is missing"));
                return;
            }
            var target = discriminator.TryGetProperty("mapping", out var mapping) && mapping.TryGetProperty(tag.GetString()!, out var mapped)
                ? mapped.GetString()!
                : "#/components/schemas/" + tag.GetString();
            if (!_resolver.TryFind(target, out var chosen))
            {
                violations.Add(Make(ViolationKinds.Discriminator, $"{location}.{property}", schemaName, $"'{tag.GetString()}' maps to no schema"));
                return;
            }
            Check(value, chosen, location, target.Split('/')[^1], violations);
            return;
        }

        List<Violation>? closest = null;
        foreach (var alternative in alternatives.EnumerateArray())
        {
            var attempt = new List<Violation>();
            Check(value, alternative, location, schemaName, attempt);
            if (attempt.Count == 0) return;
            if (closest is null || attempt.Count < closest.Count) closest = attempt;
        }
        violations.Add(Make(ViolationKinds.NoAlternative, location, schemaName,
            $"fits none of the {alternatives.GetArrayLength()} alternatives; the closest: {closest?.FirstOrDefault()?.Message}"));
    }

    private void CheckObject(JsonElement value, JsonElement schema, string location, string? schemaName, List<Violation> violations)
    {
        schema.TryGetProperty("properties", out var properties);
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (value.TryGetProperty(name, out _)) continue;
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var declared) && !BindsThisWay(declared)) continue;
                violations.Add(Make(ViolationKinds.Required, $"{location}.{name}", schemaName, $"the required property '{name}' is missing"));
            }
        }
        schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var member in value.EnumerateObject())
        {
            var at = $"{location}.{member.Name}";
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(member.Name, out var declared))
            {
                if (_direction == Direction.Request && IsTrue(_resolver.Resolve(declared).Element, "readOnly"))
                {
                    violations.Add(Make(ViolationKinds.ReadOnlySent, at, schemaName, $"'{member.Name}' is read-only and is not sent in a request"));
                }
                Check(member.Value, declared, at, schemaName, violations);
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                violations.Add(Make(ViolationKinds.AdditionalProperty, at, schemaName, $"'{member.Name}' is not a property of the schema"));
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Check(member.Value, additional, at, schemaName, violations);
            }
        }
    }

    /// <summary>Required binds unless the property is readOnly (in a request) or writeOnly (in an answer).</summary>
    private bool BindsThisWay(JsonElement declared)
    {
        var property = _resolver.Resolve(declared).Element;
        return _direction == Direction.Request ? !IsTrue(property, "readOnly") : !IsTrue(property, "writeOnly");
    }

    private static void CheckString(string text, JsonElement schema, string location, string? schemaName, List<Violation> violations)
    {
        if (schema.TryGetProperty("format", out var format) && format.GetString() == "date-time"
            && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
        {
            violations.Add(Make(ViolationKinds.Format, location, schemaName, $"'{text}' is not a date-time"));
        }
        if (schema.TryGetProperty("pattern", out var pattern))
        {
            var regex = Patterns.GetOrAdd(pattern.GetString()!, Compile);
            if (regex is null)
            {
                violations.Add(Make(ViolationKinds.BrokenPattern, location, schemaName, $"the spec's pattern {pattern.GetString()} is not a valid regular expression"));
            }
            else if (!regex.IsMatch(text))
            {
                violations.Add(Make(ViolationKinds.Pattern, location, schemaName, $"'{text}' does not match {pattern.GetString()}"));
            }
        }
        CheckCount(new StringInfo(text).LengthInTextElements, schema, "minLength", "maxLength", location, schemaName, violations);
    }

    private static void CheckNumber(JsonElement value, JsonElement schema, string location, string? schemaName, List<Violation> violations)
    {
        var number = value.GetDouble();
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if ((format == "int32" && (number < int.MinValue || number > int.MaxValue)) || (format == "int64" && !value.TryGetInt64(out _)))
        {
            violations.Add(Make(ViolationKinds.Format, location, schemaName, $"{value.GetRawText()} is not an {format}"));
        }
        if ((schema.TryGetProperty("minimum", out var min) && number < min.GetDouble()) || (schema.TryGetProperty("maximum", out var max) && number > max.GetDouble()))
        {
            violations.Add(Make(ViolationKinds.Range, location, schemaName, $"{value.GetRawText()} is out of the schema's range"));
        }
    }

    private static void CheckCount(int count, JsonElement schema, string minKeyword, string maxKeyword, string location, string? schemaName, List<Violation> violations)
    {
        if ((schema.TryGetProperty(minKeyword, out var min) && count < min.GetInt32()) || (schema.TryGetProperty(maxKeyword, out var max) && count > max.GetInt32()))
        {
            violations.Add(Make(ViolationKinds.Length, location, schemaName, $"{count} is outside {minKeyword}/{maxKeyword}"));
        }
    }

    private static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && Math.Abs(value.GetDouble() % 1) < double.Epsilon,
        "number" => value.ValueKind == JsonValueKind.Number,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => true,
    };

    /// <summary>A schema that says nothing about its value ({} or only descriptions) accepts null too.</summary>
    private static bool Constrains(JsonElement schema) =>
        schema.EnumerateObject().Any(p => p.Name is "type" or "enum" or "properties" or "items" or "allOf" or "oneOf" or "anyOf" or "required" or "format");

    private static bool IsTrue(JsonElement schema, string keyword) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var flag) && flag.ValueKind == JsonValueKind.True;

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static bool JsonEquals(JsonElement a, JsonElement b) => a.ValueKind == b.ValueKind && a.ValueKind switch
    {
        JsonValueKind.String => a.GetString() == b.GetString(),
        JsonValueKind.Number => a.GetDouble().Equals(b.GetDouble()),
        _ => a.GetRawText() == b.GetRawText(),
    };

    private static Violation Make(string kind, string location, string? schemaName, string message)
    {
        var dot = location.LastIndexOf('.');
        var property = dot >= 0 ? location[(dot + 1)..] : null;
        if (property is not null && property.Contains('[', StringComparison.Ordinal)) property = property[..property.IndexOf('[', StringComparison.Ordinal)];
        return new Violation(kind, location, schemaName, property, message);
    }
}
