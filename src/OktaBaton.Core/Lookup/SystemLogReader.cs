using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta;

namespace OktaBaton.Core.Lookup;

/// <summary>
/// Reads the System Log as Okta documents it ("System Log query"): without <see cref="LogQuery.Follow"/> a bounded
/// request (until = the org's now unless given, so the listing ends); with it a polling request that follows the
/// always-present next link and waits between empty pages. "Now" is the org's clock (its Date header), so a
/// skewed local clock neither skips nor repeats events.
/// </summary>
public sealed class SystemLogReader
{
    private readonly OktaClient _client;

    public SystemLogReader(OktaClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    public async IAsyncEnumerable<OktaLogEventRecord> ReadAsync(LogQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        Validate(query);
        var url = await FirstUrlAsync(query, ct).ConfigureAwait(false);
        while (url is not null)
        {
            var answer = await _client.SendJsonAsync(HttpMethod.Get, url, null, ct).ConfigureAwait(false);
            var count = 0;
            if (answer.Body is { ValueKind: JsonValueKind.Array } events)
            {
                foreach (var e in events.EnumerateArray())
                {
                    ct.ThrowIfCancellationRequested();
                    count++;
                    yield return new OktaLogEventRecord(e);
                }
            }

            if (!query.Follow)
            {
                url = answer.Next;
                continue;
            }

            // A polling request always has a next link; a short page means we are caught up.
            url = answer.Next ?? url;
            if (count < query.PageSize)
            {
                await Task.Delay(query.PollInterval, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<string> FirstUrlAsync(LogQuery query, CancellationToken ct)
    {
        var since = query.Since;
        var until = query.Until;
        if (query.Follow ? since is null : until is null)
        {
            var orgNow = await OrgNowAsync(ct).ConfigureAwait(false);
            if (query.Follow)
            {
                since = orgNow;
            }
            else
            {
                // Without until Okta treats the request as polling and its next links never end.
                until = orgNow.AddSeconds(1);
            }
        }

        var parameters = new List<string>();
        if (since is not null)
        {
            parameters.Add("since=" + Uri.EscapeDataString(Iso(since.Value)));
        }

        if (until is not null)
        {
            parameters.Add("until=" + Uri.EscapeDataString(Iso(until.Value)));
        }

        if (Combined(query) is { } filter)
        {
            parameters.Add("filter=" + Uri.EscapeDataString(filter));
        }

        if (!string.IsNullOrWhiteSpace(query.Keywords))
        {
            parameters.Add("q=" + Uri.EscapeDataString(query.Keywords!.Trim()));
        }

        parameters.Add("limit=" + query.PageSize.ToString(CultureInfo.InvariantCulture));
        parameters.Add("sortOrder=" + (query.Descending ? "DESCENDING" : "ASCENDING"));
        return "/api/v1/logs?" + string.Join("&", parameters);
    }

    /// <summary>The org's clock: from the last answer's Date, or from one cheap request to the log itself.</summary>
    private async Task<DateTimeOffset> OrgNowAsync(CancellationToken ct)
    {
        if (_client.OrgNow is { } known)
        {
            return known;
        }

        await _client.SendJsonAsync(HttpMethod.Get, "/api/v1/logs?limit=1&sortOrder=DESCENDING", null, ct).ConfigureAwait(false);
        return _client.OrgNow ?? DateTimeOffset.UtcNow;
    }

    private static string? Combined(LogQuery query)
    {
        var types = query.EventTypes?.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => $"eventType eq \"{t.Trim()}\"").ToList();
        var byType = types is { Count: > 0 } ? "(" + string.Join(" or ", types) + ")" : null;
        var filter = string.IsNullOrWhiteSpace(query.Filter) ? null : query.Filter!.Trim();
        return filter is null ? byType : byType is null ? filter : $"({filter}) and {byType}";
    }

    private static void Validate(LogQuery query)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        string? problem = null;
        if (query.Follow && query.Until is not null)
        {
            problem = "-Follow polls for new events and cannot have -Until.";
        }
        else if (query.Follow && query.Descending)
        {
            problem = "-Follow reads events oldest first and cannot be -Descending.";
        }
        else if (query.Since is not null && query.Until is not null && query.Since >= query.Until)
        {
            problem = "-Since must be before -Until.";
        }
        else if (query.PageSize < 1 || query.PageSize > 1000)
        {
            problem = "The page size must be between 1 and 1000.";
        }
        else if (query.PollInterval < TimeSpan.FromSeconds(1))
        {
            problem = "The poll interval must be at least one second.";
        }

        if (problem is not null)
        {
            throw new OktaOperationException("OktaInvalidArgument", OktaFailureKind.InvalidArgument, problem);
        }
    }

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
