using System.Globalization;
using System.Text;

namespace OktaBaton.Simulator.Http;

/// <summary>
/// Okta's filter/search expression language (core API "Filter" and "Operators": SCIM's attribute operators
/// <c>eq ne gt ge lt le sw ew co pr</c>, the logical operators <c>and</c>, <c>or</c>, <c>not</c>, and <c>()</c> grouping;
/// attribute operators bind tightest, then grouping, then <c>and</c>, then <c>or</c>). Literals are JSON strings,
/// numbers, <c>true</c>/<c>false</c> and <c>null</c>. Which attributes and operators a list accepts, and how it
/// reports a bad expression, is the list's <see cref="FilterRules"/>.
/// </summary>
internal sealed class FilterExpression
{
    private static readonly string[] AttributeOperators = { "eq", "ne", "gt", "ge", "lt", "le", "sw", "ew", "co", "pr" };
    private readonly Node _root;
    private readonly bool _caseSensitiveValues;

    private FilterExpression(Node root, bool caseSensitiveValues)
    {
        _root = root;
        _caseSensitiveValues = caseSensitiveValues;
    }

    /// <summary>Parses and checks <paramref name="text"/> against <paramref name="rules"/>; throws Okta's 400 for the list when it is not valid.</summary>
    public static FilterExpression Parse(string text, FilterRules rules)
    {
        var parser = new Parser(text, rules);
        var root = parser.ParseAll();
        return new FilterExpression(root, rules.CaseSensitiveValues);
    }

    /// <summary>True when the item, seen through <paramref name="valueOf"/> (attribute → value, null when absent), matches.</summary>
    public bool Matches(Func<string, string?> valueOf) => _root.Evaluate(term => term.Test(valueOf(term.Attribute), _caseSensitiveValues));

    /// <summary>For items with multi-valued attributes (a log event's targets): a term holds when any value satisfies it.</summary>
    public bool MatchesAny(Func<string, IReadOnlyList<string?>> valuesOf) => _root.Evaluate(term =>
    {
        var values = valuesOf(term.Attribute);
        if (values.Count == 0)
        {
            return term.Test(null, _caseSensitiveValues);
        }
        foreach (var value in values)
        {
            if (term.Test(value, _caseSensitiveValues))
            {
                return true;
            }
        }
        return false;
    });

    private abstract class Node
    {
        public abstract bool Evaluate(Func<Term, bool> test);
    }

    private sealed class AndNode(Node left, Node right) : Node
    {
        public override bool Evaluate(Func<Term, bool> test) => left.Evaluate(test) && right.Evaluate(test);
    }

    private sealed class OrNode(Node left, Node right) : Node
    {
        public override bool Evaluate(Func<Term, bool> test) => left.Evaluate(test) || right.Evaluate(test);
    }

    private sealed class NotNode(Node inner) : Node
    {
        public override bool Evaluate(Func<Term, bool> test) => !inner.Evaluate(test);
    }

    private sealed class TermNode(Term term) : Node
    {
        public override bool Evaluate(Func<Term, bool> test) => test(term);
    }

    private sealed record Term(string Attribute, string Operator, string? Value)
    {
        public bool Test(string? actual, bool caseSensitive)
        {
            var comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            return Operator switch
            {
                "pr" => !string.IsNullOrEmpty(actual),
                "eq" => actual is not null && Value is not null ? Compare(actual, Value, comparison) == 0 : actual is null && Value is null,
                "ne" => actual is not null && Value is not null ? Compare(actual, Value, comparison) != 0 : (actual is null) != (Value is null),
                "sw" => actual is not null && actual.StartsWith(Value!, comparison),
                "ew" => actual is not null && actual.EndsWith(Value!, comparison),
                "co" => actual is not null && actual.Contains(Value!, comparison),
                "gt" => actual is not null && Compare(actual, Value!, comparison) > 0,
                "ge" => actual is not null && Compare(actual, Value!, comparison) >= 0,
                "lt" => actual is not null && Compare(actual, Value!, comparison) < 0,
                "le" => actual is not null && Compare(actual, Value!, comparison) <= 0,
                _ => false,
            };
        }

        /// <summary>Dates chronologically, numbers numerically, anything else as strings (core API "Operators").</summary>
        private static int Compare(string actual, string expected, StringComparison comparison)
        {
            if (LooksLikeDate(expected) && DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var a)
                && DateTimeOffset.TryParse(expected, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var b))
            {
                return a.CompareTo(b);
            }
            if (double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                && double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
            {
                return x.CompareTo(y);
            }
            return string.Compare(actual, expected, comparison);
        }

        private static bool LooksLikeDate(string text) => text.Length >= 10 && char.IsDigit(text[0]) && text[4] == '-' && text[7] == '-';
    }

    private enum TokenKind { Word, String, Open, Close, End }

    private readonly record struct Token(TokenKind Kind, string Text, int Position);

    private sealed class Parser
    {
        private readonly string _text;
        private readonly FilterRules _rules;
        private readonly List<Token> _tokens;
        private int _at;

        public Parser(string text, FilterRules rules)
        {
            _text = text;
            _rules = rules;
            _tokens = Tokenize(text);
        }

        public Node ParseAll()
        {
            if (_tokens.Count == 1)
            {
                throw _rules.SyntaxError(_text, "the expression is empty", 0);
            }
            var node = ParseOr();
            if (Peek.Kind != TokenKind.End)
            {
                throw _rules.SyntaxError(_text, $"unexpected '{Peek.Text}'", Peek.Position);
            }
            return node;
        }

        private Token Peek => _tokens[_at];

        private Token Next() => _tokens[_at++];

        private bool PeekWord(string word) => Peek.Kind == TokenKind.Word && string.Equals(Peek.Text, word, StringComparison.OrdinalIgnoreCase);

        private Node ParseOr()
        {
            var node = ParseAnd();
            while (PeekWord("or"))
            {
                Next();
                node = new OrNode(node, ParseAnd());
            }
            return node;
        }

        private Node ParseAnd()
        {
            var node = ParseUnary();
            while (PeekWord("and"))
            {
                Next();
                node = new AndNode(node, ParseUnary());
            }
            return node;
        }

        private Node ParseUnary()
        {
            if (PeekWord("not"))
            {
                var not = Next();
                if (!_rules.AllowsNot)
                {
                    throw _rules.SyntaxError(_text, "the logical operator 'not' isn't supported", not.Position);
                }
                return new NotNode(ParseUnary());
            }
            if (Peek.Kind == TokenKind.Open)
            {
                Next();
                var inner = ParseOr();
                if (Peek.Kind != TokenKind.Close)
                {
                    throw _rules.SyntaxError(_text, "a '(' is not closed", Peek.Position);
                }
                Next();
                return inner;
            }
            return ParseTerm();
        }

        private Node ParseTerm()
        {
            var attribute = Next();
            if (attribute.Kind != TokenKind.Word || IsLogical(attribute.Text))
            {
                throw _rules.SyntaxError(_text, attribute.Kind == TokenKind.End ? "an expression is missing" : $"expected an attribute name, not '{attribute.Text}'", attribute.Position);
            }
            var op = Next();
            var name = op.Text.ToLowerInvariant();
            if (op.Kind != TokenKind.Word || Array.IndexOf(AttributeOperators, name) < 0)
            {
                throw _rules.UnknownOperator(_text, op.Kind == TokenKind.End ? "" : op.Text, op.Position);
            }
            _rules.CheckAttribute(attribute.Text, name);
            if (name == "pr")
            {
                return new TermNode(new Term(attribute.Text, name, null));
            }
            var literal = Next();
            string? value = literal.Kind switch
            {
                TokenKind.String => literal.Text,
                TokenKind.Word when literal.Text is "true" or "false" => literal.Text,
                TokenKind.Word when literal.Text == "null" => null,
                TokenKind.Word when double.TryParse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => literal.Text,
                _ => throw _rules.SyntaxError(_text, literal.Kind == TokenKind.End ? $"'{attribute.Text} {op.Text}' needs a value" : $"'{literal.Text}' is not a value: quote strings", literal.Position),
            };
            if (value is null && name is not ("eq" or "ne"))
            {
                throw _rules.SyntaxError(_text, $"'{op.Text}' cannot compare with null", literal.Position);
            }
            return new TermNode(new Term(attribute.Text, name, value));
        }

        private static bool IsLogical(string word) => word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase) || word.Equals("not", StringComparison.OrdinalIgnoreCase);

        private List<Token> Tokenize(string text)
        {
            var tokens = new List<Token>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c == '(' || c == ')')
                {
                    tokens.Add(new Token(c == '(' ? TokenKind.Open : TokenKind.Close, c.ToString(), i));
                    i++;
                }
                else if (c == '"')
                {
                    var start = i;
                    tokens.Add(new Token(TokenKind.String, ReadString(text, ref i), start));
                }
                else
                {
                    var start = i;
                    while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '"'))
                    {
                        i++;
                    }
                    tokens.Add(new Token(TokenKind.Word, text[start..i], start));
                }
            }
            tokens.Add(new Token(TokenKind.End, "", text.Length));
            return tokens;
        }

        /// <summary>A JSON string literal starting at <paramref name="i"/> (the opening quote); leaves <paramref name="i"/> after the closing quote.</summary>
        private string ReadString(string text, ref int i)
        {
            var start = i;
            var value = new StringBuilder();
            i++;
            while (i < text.Length && text[i] != '"')
            {
                if (text[i] == '\\')
                {
                    if (i + 1 >= text.Length)
                    {
                        break;
                    }
                    var escaped = text[i + 1];
                    if (escaped == 'u' && i + 5 < text.Length && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    {
                        value.Append((char)code);
                        i += 6;
                        continue;
                    }
                    value.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => escaped });
                    i += 2;
                    continue;
                }
                value.Append(text[i]);
                i++;
            }
            if (i >= text.Length)
            {
                throw _rules.SyntaxError(text, "a string is not closed", start);
            }
            i++;
            return value.ToString();
        }
    }
}
