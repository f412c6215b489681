using System.Text.Json;
using OktaBaton.Simulator.SystemLog;

namespace OktaBaton.Simulator.Json;

/// <summary>
/// A LogEvent as Okta writes it (spec: components/schemas/LogEvent and the ListLogs example). Properties the
/// simulator has no value for are left out unless the spec marks them nullable.
/// </summary>
internal static class LogEventJson
{
    public static void Write(Utf8JsonWriter json, LogEvent e)
    {
        var context = e.Context;
        json.WriteStartObject();
        json.WriteStartObject("actor");
        json.WriteString("id", context.Actor.Id);
        json.WriteString("type", context.Actor.Type);
        json.WriteString("alternateId", context.Actor.AlternateId);
        json.WriteString("displayName", context.Actor.DisplayName);
        json.WriteEndObject();

        json.WriteStartObject("client");
        json.WriteStartObject("userAgent");
        json.WriteString("rawUserAgent", context.Client.RawUserAgent);
        json.WriteString("os", "Unknown");
        json.WriteString("browser", context.Client.RawUserAgent == ChangeContext.ConsoleUserAgent ? "CHROME" : "UNKNOWN");
        json.WriteEndObject();
        json.WriteString("zone", context.Client.Zone);
        json.WriteString("device", context.Client.Device);
        if (context.Client.ClientId is { } clientId)
        {
            json.WriteString("id", clientId);
        }
        if (context.Client.IpAddress is { } ip)
        {
            json.WriteString("ipAddress", ip);
        }
        json.WriteEndObject();

        json.WriteStartObject("authenticationContext");
        json.WriteNumber("authenticationStep", 0);
        json.WriteString("externalSessionId", context.Transaction.RequestApiTokenId is null && context.Client.ClientId is null ? "trs" + context.Transaction.Id : "unknown");
        json.WriteEndObject();

        json.WriteString("displayMessage", e.DisplayMessage);
        json.WriteString("eventType", e.EventType);
        json.WriteStartObject("outcome");
        json.WriteString("result", e.OutcomeResult);
        if (e.OutcomeReason is { } reason)
        {
            json.WriteString("reason", reason);
        }
        json.WriteEndObject();
        json.WriteString("published", OktaJson.Timestamp(e.Published));

        json.WriteStartObject("securityContext");
        json.WriteNull("asNumber");
        json.WriteNull("asOrg");
        json.WriteNull("isp");
        json.WriteNull("domain");
        json.WriteNull("isProxy");
        json.WriteEndObject();

        json.WriteString("severity", e.Severity);
        json.WriteStartObject("debugContext");
        json.WriteStartObject("debugData");
        foreach (var (key, value) in e.DebugData)
        {
            json.WriteString(key, value);
        }
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("transaction");
        json.WriteString("type", context.Transaction.Type);
        json.WriteString("id", context.Transaction.Id);
        json.WriteStartObject("detail");
        if (context.Transaction.RequestApiTokenId is { } tokenId)
        {
            json.WriteString("requestApiTokenId", tokenId);
        }
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteString("uuid", e.Uuid);
        json.WriteString("version", "0");
        json.WriteStartObject("request");
        json.WriteStartArray("ipChain");
        if (context.Client.IpAddress is { } chainIp)
        {
            json.WriteStartObject();
            json.WriteString("ip", chainIp);
            json.WriteString("version", chainIp.Contains(':', StringComparison.Ordinal) ? "V6" : "V4");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("target");
        foreach (var target in e.Targets)
        {
            json.WriteStartObject();
            json.WriteString("id", target.Id);
            json.WriteString("type", target.Type);
            json.WriteString("alternateId", target.AlternateId);
            json.WriteString("displayName", target.DisplayName);
            if (target.Changes is { } changes)
            {
                json.WriteStartObject("changeDetails");
                WriteValues(json, "from", changes.From);
                WriteValues(json, "to", changes.To);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteValues(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string?> values)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            json.WriteString(key, value);
        }
        json.WriteEndObject();
    }
}
