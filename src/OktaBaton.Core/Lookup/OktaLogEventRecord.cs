using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace OktaBaton.Core.Lookup;

/// <summary>One System Log event: when, who, what, the outcome and the targets; flat for tables and CSV.</summary>
public sealed class OktaLogEventRecord
{
    internal OktaLogEventRecord(JsonElement e)
    {
        Uuid = Text(e, "uuid") ?? string.Empty;
        Published = DateTimeOffset.TryParse(Text(e, "published"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var published)
            ? published
            : default;
        EventType = Text(e, "eventType") ?? string.Empty;
        DisplayMessage = Text(e, "displayMessage");
        Severity = Text(e, "severity");
        var outcome = Child(e, "outcome");
        Outcome = Text(outcome, "result");
        OutcomeReason = Text(outcome, "reason");
        var actor = Child(e, "actor");
        ActorId = Text(actor, "id");
        ActorType = Text(actor, "type");
        Actor = Text(actor, "alternateId") is { Length: > 0 } alternate && alternate != "unknown" ? alternate : Text(actor, "displayName");
        var client = Child(e, "client");
        ClientIp = Text(client, "ipAddress");
        UserAgent = Text(Child(client, "userAgent"), "rawUserAgent");
        var transaction = Child(e, "transaction");
        TransactionId = Text(transaction, "id");
        ApiTokenId = Text(Child(transaction, "detail"), "requestApiTokenId");
        var targets = new List<OktaLogTarget>();
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("target", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            targets.AddRange(array.EnumerateArray().Select(t => new OktaLogTarget(Text(t, "id") ?? string.Empty, Text(t, "type") ?? string.Empty, Text(t, "alternateId"), Text(t, "displayName"))));
        }
        Target = targets;
        DebugData = ProfileValues.From(Child(Child(e, "debugContext"), "debugData") is { ValueKind: JsonValueKind.Object } debug
            ? debug.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
            : null);
    }

    public DateTimeOffset Published { get; }

    public string EventType { get; }

    public string? DisplayMessage { get; }

    /// <summary>SUCCESS, FAILURE, …</summary>
    public string? Outcome { get; }

    public string? OutcomeReason { get; }

    public string? Severity { get; }

    /// <summary>Who acted: a login, or an OAuth client id.</summary>
    public string? Actor { get; }

    public string? ActorId { get; }

    /// <summary>User, PublicClientApp, SystemPrincipal, …</summary>
    public string? ActorType { get; }

    /// <summary>What was acted on; prints as "Type name (id)" items in tables and CSV.</summary>
    public IReadOnlyList<OktaLogTarget> Target { get; }

    public string? ClientIp { get; }

    public string? UserAgent { get; }

    /// <summary>The request that made the change: events of one request share it.</summary>
    public string? TransactionId { get; }

    /// <summary>The API token (00T…) that made the request, when one did.</summary>
    public string? ApiTokenId { get; }

    public ProfileValues DebugData { get; }

    public string Uuid { get; }

    public override string ToString() =>
        $"{Published.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z {EventType} by {Actor}: {string.Join(", ", Target.Select(t => t.ToString()))}";

    private static JsonElement Child(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var child) ? child : default;

    private static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>An entity a System Log event acted on.</summary>
public sealed class OktaLogTarget
{
    internal OktaLogTarget(string id, string type, string? alternateId, string? displayName)
    {
        Id = id;
        Type = type;
        AlternateId = alternateId;
        DisplayName = displayName;
    }

    public string Id { get; }

    /// <summary>User, UserGroup, AppInstance, AppUser, ResourceSet, Role, …</summary>
    public string Type { get; }

    public string? AlternateId { get; }

    public string? DisplayName { get; }

    public override string ToString() =>
        $"{Type} {(AlternateId is { Length: > 0 } alt && alt != "unknown" ? alt : DisplayName)} ({Id})";
}
