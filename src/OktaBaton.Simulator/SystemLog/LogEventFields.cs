using OktaBaton.Simulator.Http;

namespace OktaBaton.Simulator.SystemLog;

/// <summary>A log event's attributes by filter name (target.* has one value per target), and its keywords for <c>q</c>.</summary>
internal static class LogEventFields
{
    private static readonly IReadOnlyList<string?> None = Array.Empty<string?>();

    /// <summary>
    /// The <c>filter</c> rules: every operator on the event's attributes, but not on <c>published</c> (it "may conflict with
    /// the logic of the since, after, and until query parameters") nor <c>co</c> on debugData url/requestUri
    /// (developer.okta.com, "System Log query", Expression filter).
    /// </summary>
    public static FilterRules Rules { get; } = FilterRules.SystemLog((attribute, op) =>
    {
        if (attribute == "published" || (op == "co" && attribute is "debugContext.debugData.url" or "debugContext.debugData.requestUri"))
        {
            return $"The supplied combination of operator and field is not currently supported. Operator: {op}, Field: {attribute}";
        }
        return IsKnown(attribute) ? null : $"field is not valid: {attribute}";
    });

    private static bool IsKnown(string attribute) => attribute switch
    {
        "uuid" or "eventType" or "version" or "severity" or "displayMessage" or "legacyEventType" => true,
        "actor.id" or "actor.type" or "actor.alternateId" or "actor.displayName" => true,
        "client.id" or "client.ipAddress" or "client.device" or "client.zone" => true,
        "client.userAgent.rawUserAgent" or "client.userAgent.os" or "client.userAgent.browser" => true,
        "outcome.result" or "outcome.reason" => true,
        "target.id" or "target.type" or "target.alternateId" or "target.displayName" => true,
        "transaction.id" or "transaction.type" or "transaction.detail.requestApiTokenId" => true,
        "request.ipChain.ip" => true,
        "authenticationContext.externalSessionId" or "authenticationContext.credentialType" or "authenticationContext.credentialProvider"
            or "authenticationContext.authenticationProvider" or "authenticationContext.interface" => true,
        _ => attribute.StartsWith("debugContext.debugData.", StringComparison.Ordinal) && attribute.Length > "debugContext.debugData.".Length,
    };

    public static IReadOnlyList<string?> ValuesOf(LogEvent e, string attribute) => attribute switch
    {
        "uuid" => One(e.Uuid),
        "eventType" => One(e.EventType),
        "version" => One("0"),
        "severity" => One(e.Severity),
        "displayMessage" => One(e.DisplayMessage),
        "actor.id" => One(e.Context.Actor.Id),
        "actor.type" => One(e.Context.Actor.Type),
        "actor.alternateId" => One(e.Context.Actor.AlternateId),
        "actor.displayName" => One(e.Context.Actor.DisplayName),
        "client.id" => One(e.Context.Client.ClientId),
        "client.ipAddress" or "request.ipChain.ip" => One(e.Context.Client.IpAddress),
        "client.device" => One(e.Context.Client.Device),
        "client.zone" => One(e.Context.Client.Zone),
        "client.userAgent.rawUserAgent" => One(e.Context.Client.RawUserAgent),
        "outcome.result" => One(e.OutcomeResult),
        "outcome.reason" => One(e.OutcomeReason),
        "target.id" => e.Targets.Select(t => (string?)t.Id).ToList(),
        "target.type" => e.Targets.Select(t => (string?)t.Type).ToList(),
        "target.alternateId" => e.Targets.Select(t => t.AlternateId).ToList(),
        "target.displayName" => e.Targets.Select(t => t.DisplayName).ToList(),
        "transaction.id" => One(e.Context.Transaction.Id),
        "transaction.type" => One(e.Context.Transaction.Type),
        "transaction.detail.requestApiTokenId" => One(e.Context.Transaction.RequestApiTokenId),
        _ when attribute.StartsWith("debugContext.debugData.", StringComparison.Ordinal) =>
            e.DebugData.TryGetValue(attribute["debugContext.debugData.".Length..], out var value) ? One(value) : None,
        _ => None,
    };

    /// <summary>
    /// Whether every keyword of <c>q</c> matches one of the event's values exactly, ignoring case; values are also split
    /// into words, and hyphenated words into their parts ("System Log query", Keyword filter).
    /// </summary>
    public static bool MatchesKeywords(LogEvent e, IReadOnlyList<string> keywords)
    {
        if (keywords.Count == 0)
        {
            return true;
        }
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }
            words.Add(value);
            foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                words.Add(word);
                foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
                {
                    words.Add(part);
                }
            }
        }
        Add(e.EventType);
        Add(e.DisplayMessage);
        Add(e.Uuid);
        Add(e.OutcomeResult);
        Add(e.Context.Actor.Id);
        Add(e.Context.Actor.AlternateId);
        Add(e.Context.Actor.DisplayName);
        Add(e.Context.Client.IpAddress);
        Add(e.Context.Client.RawUserAgent);
        Add(e.Context.Transaction.Id);
        foreach (var target in e.Targets)
        {
            Add(target.Id);
            Add(target.AlternateId);
            Add(target.DisplayName);
        }
        foreach (var value in e.DebugData.Values)
        {
            Add(value);
        }
        return keywords.All(words.Contains);
    }

    private static IReadOnlyList<string?> One(string? value) => new[] { value };
}
