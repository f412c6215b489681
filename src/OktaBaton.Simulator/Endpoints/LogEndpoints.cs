using System.Globalization;
using OktaBaton.Simulator.Auth;
using OktaBaton.Simulator.Http;
using OktaBaton.Simulator.Json;
using OktaBaton.Simulator.Model;
using OktaBaton.Simulator.SystemLog;

namespace OktaBaton.Simulator.Endpoints;

/// <summary>GET /api/v1/logs: the org's System Log (see <see cref="LogQuery"/> for polling and bounded requests).</summary>
internal static class LogEndpoints
{
    public static void Map(Router router) => router.Get("/api/v1/logs", Permission.ReadLogs, List);

    private static void List(ApiRequest request, OrgState org)
    {
        var now = org.Now;
        var query = LogQuery.Parse(request, now);
        var (page, nextCursor) = query.Run(org.Log.Events, now);
        var json = request.Json;
        json.WriteStartArray();
        foreach (var e in page)
        {
            LogEventJson.Write(json, e);
        }
        json.WriteEndArray();

        var http = request.Http.Request;
        request.Links.Add($"<{request.BaseUrl}{http.Path}{http.QueryString}>; rel=\"self\"");
        if (nextCursor is not null)
        {
            var next = request.NextUrl(nextCursor, query.Limit);
            if (!query.IsPolling && request.Query("until") is null)
            {
                // A bounded request's pages keep the upper bound of its first page, so events published meanwhile
                // cannot shift them (Okta's next links carry a concrete until).
                next += "&until=" + Uri.EscapeDataString(OktaJson.Timestamp(LogQuery.DefaultUntil(now)));
            }
            request.Links.Add($"<{next}>; rel=\"next\"");
        }
    }
}
