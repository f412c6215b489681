namespace OktaBaton.Simulator.SystemLog;

/// <summary>One System Log event (spec: components/schemas/LogEvent), as the simulator keeps it.</summary>
internal sealed class LogEvent
{
    public required long Sequence { get; init; }
    public required string Uuid { get; init; }
    /// <summary>When the org's clock published it; the simulator persists at the same instant.</summary>
    public required DateTimeOffset Published { get; init; }
    public required string EventType { get; init; }
    public required string DisplayMessage { get; init; }
    public string Severity { get; init; } = "INFO";
    public string OutcomeResult { get; init; } = "SUCCESS";
    public string? OutcomeReason { get; init; }
    public required ChangeContext Context { get; init; }
    public required IReadOnlyList<LogTarget> Targets { get; init; }
    /// <summary>debugContext.debugData: the request's own entries (requestId, requestUri, url) plus the event's.</summary>
    public required IReadOnlyDictionary<string, string> DebugData { get; init; }

    /// <summary>The opaque <c>after</c> cursor of this event: persistence time in ms and sequence, like Okta's <c>1627500044869_1</c>.</summary>
    public string Cursor => $"{Published.ToUnixTimeMilliseconds()}_{Sequence}";
}

/// <summary>An entity the actor acted on (spec: LogTarget). <paramref name="Changes"/> is changeDetails {from, to}.</summary>
internal sealed record LogTarget(string Id, string Type, string? AlternateId, string? DisplayName, LogChange? Changes = null);

internal sealed record LogChange(IReadOnlyDictionary<string, string?> From, IReadOnlyDictionary<string, string?> To);
