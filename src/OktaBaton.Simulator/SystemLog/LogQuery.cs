using System.Globalization;
using System.Text.RegularExpressions;
using OktaBaton.Simulator.Http;

namespace OktaBaton.Simulator.SystemLog;

/// <summary>
/// One <c>GET /api/v1/logs</c> request (spec: listLogEvents; developer.okta.com "System Log query"):
/// <list type="bullet">
/// <item>A <b>polling</b> request (no <c>until</c>, <c>sortOrder</c> ASCENDING) returns events after its cursor (or from
/// <c>since</c>, default seven days back) and always has a <c>next</c> link, even when nothing new came: following it
/// returns only events persisted since.</item>
/// <item>A <b>bounded</b> request (<c>until</c> given, or DESCENDING) returns events with since ≤ published &lt; until
/// (until defaults to the org's now, since to seven days before until) and its last page has no <c>next</c> link.</item>
/// </list>
/// The cursor is opaque to clients: <c>{persisted ms}_{sequence}</c>, like Okta's <c>1627500044869_1</c>.
/// </summary>
internal sealed partial class LogQuery
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;
    private const int MaxKeywords = 10;
    private const int MaxKeywordLength = 40;
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(7);
    private static readonly TimeSpan OldestSince = TimeSpan.FromDays(180);

    private LogQuery() { }

    public DateTimeOffset? Since { get; private init; }
    public DateTimeOffset? Until { get; private init; }
    public long? AfterSequence { get; private init; }
    public bool Descending { get; private init; }
    public int Limit { get; private init; }
    public FilterExpression? Filter { get; private init; }
    public IReadOnlyList<string> Keywords { get; private init; } = Array.Empty<string>();
    public bool IsPolling => Until is null && !Descending;

    /// <summary>Reads and validates the request's parameters; throws Okta's 400 answers.</summary>
    public static LogQuery Parse(ApiRequest request, DateTimeOffset now)
    {
        var since = ParseTime(request, "since");
        var until = ParseTime(request, "until");
        if (since is not null && since < now - OldestSince)
        {
            throw new OktaApiException(400, "E0000053", "Invalid parameter: The since parameter is over 180 days prior to the current day.");
        }
        var sortOrder = request.Query("sortOrder") ?? "ASCENDING";
        if (sortOrder is not ("ASCENDING" or "DESCENDING"))
        {
            throw OktaApiException.Validation("sortOrder", $"sortOrder: '{sortOrder}' is not one of ASCENDING, DESCENDING");
        }
        long? after = null;
        if (request.Query("after") is { } cursor)
        {
            var underscore = cursor.LastIndexOf('_');
            if (underscore < 0 || !long.TryParse(cursor.AsSpan(underscore + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                throw OktaApiException.Validation("after", "after: invalid cursor");
            }
            after = sequence;
        }
        return new LogQuery
        {
            Since = since,
            Until = until,
            AfterSequence = after,
            Descending = sortOrder == "DESCENDING",
            Limit = request.Limit(DefaultLimit, MaxLimit),
            Filter = request.Query("filter") is { } filter ? FilterExpression.Parse(filter, LogEventFields.Rules) : null,
            Keywords = ParseKeywords(request.Query("q")),
        };
    }

    /// <summary>
    /// The page: matching events and the cursor of the next page (null when a bounded request is exhausted).
    /// <paramref name="now"/> is the org's clock: the default upper bound of a bounded request.
    /// </summary>
    public (List<LogEvent> Page, string? NextCursor) Run(IReadOnlyList<LogEvent> events, DateTimeOffset now)
    {
        var page = new List<LogEvent>();
        if (IsPolling)
        {
            // Sequence n sits at index n - 1; a cursor names the last event already examined.
            var start = (int)Math.Clamp(AfterSequence ?? 0, 0, events.Count);
            // Next links keep since, so a resumed poll still leaves out events published before it.
            var lowerBound = Since ?? (AfterSequence is null ? now - DefaultWindow : DateTimeOffset.MinValue);
            var examined = AfterSequence ?? 0;
            var examinedAt = AfterSequence is not null && start > 0 ? events[start - 1].Published : lowerBound;
            for (var i = start; i < events.Count && page.Count < Limit; i++)
            {
                var e = events[i];
                examined = e.Sequence;
                examinedAt = e.Published;
                if (e.Published >= lowerBound && Matches(e))
                {
                    page.Add(e);
                }
            }
            return (page, $"{examinedAt.ToUnixTimeMilliseconds()}_{examined}");
        }

        var upper = Until ?? DefaultUntil(now);
        var lower = Since ?? upper - DefaultWindow;
        var more = false;
        var step = Descending ? -1 : 1;
        var index = Descending
            ? (AfterSequence is { } before ? (int)Math.Clamp(before - 2, -1, events.Count - 1) : events.Count - 1)
            : (int)Math.Clamp(AfterSequence ?? 0, 0, events.Count);
        for (; index >= 0 && index < events.Count; index += step)
        {
            var e = events[index];
            if (e.Published < lower || e.Published >= upper || !Matches(e))
            {
                continue;
            }
            if (page.Count == Limit)
            {
                more = true;
                break;
            }
            page.Add(e);
        }
        return (page, more ? page[^1].Cursor : null);
    }

    /// <summary>
    /// A bounded request's upper bound when it has no until: just after the org's now, to the millisecond events are
    /// dated by, so every event already published is in, and next links can pin exactly this bound.
    /// </summary>
    public static DateTimeOffset DefaultUntil(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero).AddMilliseconds(1);

    private bool Matches(LogEvent e) =>
        (Filter is null || Filter.MatchesAny(attribute => LogEventFields.ValuesOf(e, attribute))) && LogEventFields.MatchesKeywords(e, Keywords);

    private static IReadOnlyList<string> ParseKeywords(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return Array.Empty<string>();
        }
        var keywords = q.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (keywords.Any(k => k.Length > MaxKeywordLength))
        {
            throw new OktaApiException(400, "E0000001", "Api validation failed: 'q': Freeform search cannot contain items longer than 40 characters. Please shorten the items in your search or use an advanced filter to query by specific fields.");
        }
        if (keywords.Length > MaxKeywords)
        {
            throw new OktaApiException(400, "E0000001", "Api validation failed: 'q': Freeform search cannot contain more than 10 items. Please remove items from your search or use an advanced filter to query by specific fields.");
        }
        return keywords;
    }

    /// <summary>An ISO 8601 timestamp (RFC 3339's profile); anything else is Okta's E0000001 for that parameter.</summary>
    private static DateTimeOffset? ParseTime(ApiRequest request, string name)
    {
        var text = request.Query(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (Iso8601().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }
        throw new OktaApiException(400, "E0000001",
            $"Api validation failed: '{name}': The date format in your query is not recognized. Please enter dates using ISO8601 string format.. '{name}': must be a valid date-time or empty.",
            $"{name}: The date format in your query is not recognized. Please enter dates using ISO8601 string format.",
            $"{name}: must be a valid date-time or empty.");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso8601();
}
