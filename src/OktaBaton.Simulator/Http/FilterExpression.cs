namespace OktaBaton.Simulator.Http;

/// <summary>The subset of Okta's filter/search language the module uses:
/// <c>field pr</c>, <c>field eq|ne|sw|gt|ge|lt|le "v"</c>, joined by <c>and</c>/<c>or</c> (and binds tighter), optional parentheses around the whole.</summary>
internal sealed class FilterExpression
{
    private readonly List<List<Term>> _alternatives;

    private FilterExpression(List<List<Term>> alternatives) => _alternatives = alternatives;

    /// <summary>Parses; throws 400 E0000001 on anything it does not understand.</summary>
    public static FilterExpression Parse(string text, string parameter)
    {
        var tokens = Tokenize(text, parameter);
        var alternatives = new List<List<Term>> { new() };
        var i = 0;
        while (i < tokens.Count)
        {
            if (tokens.Count - i < 2)
            {
                throw Invalid(parameter, text);
            }
            var field = tokens[i];
            var op = tokens[i + 1].ToLowerInvariant();
            string? value = null;
            if (op == "pr")
            {
                i += 2;
            }
            else if (op is "eq" or "ne" or "sw" or "gt" or "ge" or "lt" or "le" && tokens.Count - i >= 3)
            {
                value = Unquote(tokens[i + 2], parameter, text);
                i += 3;
            }
            else
            {
                throw Invalid(parameter, text);
            }
            alternatives[^1].Add(new Term(field, op, value));
            if (i < tokens.Count)
            {
                var joiner = tokens[i].ToLowerInvariant();
                if (joiner == "or")
                {
                    alternatives.Add(new List<Term>());
                }
                else if (joiner != "and")
                {
                    throw Invalid(parameter, text);
                }
                i++;
                if (i == tokens.Count)
                {
                    throw Invalid(parameter, text);
                }
            }
        }
        if (alternatives[0].Count == 0)
        {
            throw Invalid(parameter, text);
        }
        return new FilterExpression(alternatives);
    }

    /// <summary>True when the entity, seen through <paramref name="valueOf"/> (field → value, null when absent), matches.</summary>
    public bool Matches(Func<string, string?> valueOf) =>
        _alternatives.Exists(terms => terms.TrueForAll(term => term.Matches(valueOf(term.Field))));

    private static List<string> Tokenize(string text, string parameter)
    {
        var tokens = new List<string>();
        var span = text.Trim();
        if (span.StartsWith('(') && span.EndsWith(')'))
        {
            span = span[1..^1];
        }
        var i = 0;
        while (i < span.Length)
        {
            if (char.IsWhiteSpace(span[i]))
            {
                i++;
                continue;
            }
            var start = i;
            if (span[i] == '"')
            {
                i++;
                while (i < span.Length && span[i] != '"')
                {
                    i += span[i] == '\\' ? 2 : 1;
                }
                if (i >= span.Length)
                {
                    throw Invalid(parameter, text);
                }
                i++;
            }
            else
            {
                while (i < span.Length && !char.IsWhiteSpace(span[i]))
                {
                    i++;
                }
            }
            tokens.Add(span[start..i]);
        }
        return tokens;
    }

    private static string Unquote(string token, string parameter, string text)
    {
        if (token.Length < 2 || token[0] != '"' || token[^1] != '"')
        {
            // Booleans and numbers come unquoted.
            return token is "true" or "false" || double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                ? token
                : throw Invalid(parameter, text);
        }
        return token[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal);
    }

    private static OktaApiException Invalid(string parameter, string text) =>
        new(400, "E0000031", "Invalid search criteria.", $"{parameter}: could not parse '{text}'");

    private sealed record Term(string Field, string Op, string? Value)
    {
        public bool Matches(string? actual) => Op switch
        {
            "pr" => actual is not null,
            "eq" => actual is not null && string.Equals(actual, Value, StringComparison.OrdinalIgnoreCase),
            "ne" => !string.Equals(actual, Value, StringComparison.OrdinalIgnoreCase),
            "sw" => actual is not null && actual.StartsWith(Value!, StringComparison.OrdinalIgnoreCase),
            // Timestamps are ISO-8601 UTC, so ordinal order is time order.
            "gt" => actual is not null && string.CompareOrdinal(actual, Value) > 0,
            "ge" => actual is not null && string.CompareOrdinal(actual, Value) >= 0,
            "lt" => actual is not null && string.CompareOrdinal(actual, Value) < 0,
            "le" => actual is not null && string.CompareOrdinal(actual, Value) <= 0,
            _ => false,
        };
    }
}
