namespace OktaBaton.Simulator.Http;

/// <summary>
/// What one list accepts in its <c>filter</c> or <c>search</c> parameter, and how it answers a bad expression.
/// The directory lists (users, groups, apps) answer 400 E0000031 "Invalid search criteria." (what Okta's SDK issues
/// report, e.g. okta-powershell-cli#48, okta-sdk-dotnet#323); the System Log answers E0000053 for syntax and unknown
/// fields and E0000031 for unsupported operator/field combinations (developer.okta.com, "System Log query", Errors).
/// </summary>
internal sealed class FilterRules
{
    private readonly Func<string, string, string?> _refusal;
    private readonly bool _systemLogErrors;

    private FilterRules(string parameter, Func<string, string, string?> refusal, bool caseSensitiveValues, bool allowsNot, bool systemLogErrors)
    {
        Parameter = parameter;
        _refusal = refusal;
        CaseSensitiveValues = caseSensitiveValues;
        AllowsNot = allowsNot;
        _systemLogErrors = systemLogErrors;
    }

    /// <summary>"filter" or "search": named in error causes.</summary>
    public string Parameter { get; }
    public bool CaseSensitiveValues { get; }
    public bool AllowsNot { get; }

    /// <summary>
    /// Directory-list rules. <paramref name="refusal"/> answers (attribute, operator) with null when allowed or the
    /// reason it is not. Filter values are case-sensitive, search values are not (spec, listUsers "filter"/"search").
    /// </summary>
    public static FilterRules Directory(string parameter, Func<string, string, string?> refusal) =>
        new(parameter, refusal, caseSensitiveValues: parameter == "filter", allowsNot: false, systemLogErrors: false);

    /// <summary>System Log rules: every operator but <c>[ ]</c> (spec, listLogEvents "filter"), values compared case-insensitively.</summary>
    public static FilterRules SystemLog(Func<string, string, string?> refusal) =>
        new("filter", refusal, caseSensitiveValues: false, allowsNot: true, systemLogErrors: true);

    public void CheckAttribute(string attribute, string op)
    {
        if (_refusal(attribute, op) is { } reason)
        {
            throw _systemLogErrors
                ? reason.StartsWith("field is not valid", StringComparison.Ordinal)
                    ? new OktaApiException(400, "E0000053", reason)
                    : new OktaApiException(400, "E0000031", reason)
                : new OktaApiException(400, "E0000031", "Invalid search criteria.", $"{Parameter}: {reason}");
        }
    }

    public OktaApiException SyntaxError(string text, string reason, int position) =>
        _systemLogErrors
            ? new OktaApiException(400, "E0000053", $"Invalid filter '{text}': {Capitalize(reason)} at position {position}.")
            : new OktaApiException(400, "E0000031", "Invalid search criteria.", $"{Parameter}: Invalid search syntax: {reason} at position {position} of '{text}'.");

    public OktaApiException UnknownOperator(string text, string op, int position) =>
        _systemLogErrors
            ? new OktaApiException(400, "E0000053", $"Invalid filter '{text}': Unrecognized attribute operator '{op}' at position {position}. Expected: eq,co,sw,ew,pr,gt,ge,lt,le,ne")
            : new OktaApiException(400, "E0000031", "Invalid search criteria.", $"{Parameter}: Invalid search syntax: unrecognized attribute operator '{op}' at position {position} of '{text}'.");

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Refuses <paramref name="op"/> unless it is one of <paramref name="allowed"/>.</summary>
    public static string? OperatorRefusal(string attribute, string op, params string[] allowed) =>
        Array.IndexOf(allowed, op) >= 0 ? null : $"the operator '{op}' isn't supported on '{attribute}' (supported: {string.Join(", ", allowed)})";
}
