namespace OktaBaton.Simulator.SystemLog;

/// <summary>
/// The org's System Log: events in the order they were persisted, each dated by the org's clock. Guarded by the org
/// lock like the rest of the state. Nothing is recorded while the seed builds the org (its past is not in the log);
/// <see cref="StartRecording"/> opens it when the org starts answering.
/// </summary>
internal sealed class LogStore
{
    private readonly List<LogEvent> _events = new();

    public TimeProvider Clock { get; private set; } = TimeProvider.System;
    public bool IsRecording { get; private set; }
    public IReadOnlyList<LogEvent> Events => _events;

    public void StartRecording(TimeProvider clock)
    {
        Clock = clock;
        IsRecording = true;
    }

    public LogEvent Append(ChangeContext context, string eventType, string displayMessage, IReadOnlyList<LogTarget> targets, IReadOnlyDictionary<string, string>? debugData)
    {
        // Okta dates events to the millisecond; so do query bounds and cursors.
        var clock = Clock.GetUtcNow();
        var now = new DateTimeOffset(clock.Ticks - clock.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        // Published times never go backwards, so persistence order is publication order (bounded queries rely on it).
        if (_events.Count > 0 && now < _events[^1].Published)
        {
            now = _events[^1].Published;
        }
        var debug = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["requestId"] = context.Transaction.Id,
            ["requestUri"] = context.RequestUri,
            ["url"] = context.RequestUri,
        };
        if (debugData is not null)
        {
            foreach (var (key, value) in debugData)
            {
                debug[key] = value;
            }
        }
        var logEvent = new LogEvent
        {
            Sequence = _events.Count + 1,
            Uuid = Guid.NewGuid().ToString(),
            Published = now,
            EventType = eventType,
            DisplayMessage = displayMessage,
            Context = context,
            Targets = targets,
            DebugData = debug,
        };
        _events.Add(logEvent);
        return logEvent;
    }
}
