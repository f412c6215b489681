using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OktaBaton.Simulator.Auth;
using OktaBaton.Simulator.Model;

namespace OktaBaton.Simulator.Http;

/// <summary>One API call as a handler sees it: inputs parsed, answer buffered.</summary>
internal sealed class ApiRequest : IDisposable
{
    private readonly ReadOnlyMemory<byte> _body;
    private Utf8JsonWriter? _writer;

    public ApiRequest(HttpContext http, Caller caller, Dictionary<string, string> routeValues, ReadOnlyMemory<byte> body, string baseUrl)
    {
        Http = http;
        Caller = caller;
        RouteValues = routeValues;
        _body = body;
        BaseUrl = baseUrl;
        // Okta reads the hint from Content-Type; Accept is honoured too, since a GET without content cannot carry a Content-Type in every client.
        var hints = ResponseHints(http.Request.ContentType);
        hints.UnionWith(ResponseHints(http.Request.Headers.Accept.ToString()));
        OmitCredentials = hints.Contains("omitCredentials");
        OmitCredentialsLinks = hints.Contains("omitCredentialsLinks");
    }

    public HttpContext Http { get; }
    public Caller Caller { get; }
    public Dictionary<string, string> RouteValues { get; }
    /// <summary>The org base URL with a trailing slash removed, e.g. http://127.0.0.1:5000.</summary>
    public string BaseUrl { get; }
    public bool OmitCredentials { get; }
    public bool OmitCredentialsLinks { get; }
    public int StatusCode { get; set; } = 200;
    public List<string> Links { get; } = new();
    public ArrayBufferWriter<byte> Output { get; } = new(4096);
    public bool HasBody => _writer is not null;

    public string Route(string name) => RouteValues[name];

    public Utf8JsonWriter Json => _writer ??= new Utf8JsonWriter(Output, new JsonWriterOptions { SkipValidation = true });

    public string? Query(string name)
    {
        var values = Http.Request.Query[name];
        return values.Count == 0 ? null : values[0];
    }

    public bool QueryFlag(string name, bool defaultValue)
    {
        var value = Query(name);
        return value is null ? defaultValue : !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The page size: default when absent; clamped to max (Okta clamps rather than rejects).</summary>
    public int Limit(int defaultLimit, int max)
    {
        var text = Query("limit");
        if (text is null)
        {
            return defaultLimit;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit))
        {
            throw OktaApiException.Validation("limit", "limit: must be a number");
        }
        return limit < 1 ? defaultLimit : Math.Min(limit, max);
    }

    public bool HasRequestBody => !_body.IsEmpty;

    /// <summary>The JSON body; 400 E0000003 when it is not JSON.</summary>
    public JsonElement Body()
    {
        if (_body.IsEmpty)
        {
            throw OktaApiException.MalformedBody();
        }
        try
        {
            using var document = JsonDocument.Parse(_body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw OktaApiException.MalformedBody();
        }
    }

    public string Href(string relativePath) => BaseUrl + "/" + relativePath.TrimStart('/');

    /// <summary>
    /// Writes one page of a cursor-paged list: the items from <paramref name="start"/> that <paramref name="keep"/>
    /// admits, at most <paramref name="limit"/>, then the Link headers (a next link only when the list is pageable
    /// and more items follow). Deleted slots (null) are skipped.
    /// </summary>
    public void WritePage<T>(IReadOnlyList<T?> all, int start, int limit, bool pageable, Func<T, bool> keep, Func<T, string> idOf, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        Json.WriteStartArray();
        var written = 0;
        string? lastId = null;
        var more = false;
        for (var i = start; i < all.Count; i++)
        {
            var item = all[i];
            if (item is null || !keep(item))
            {
                continue;
            }
            if (written == limit)
            {
                more = true;
                break;
            }
            write(Json, item);
            lastId = idOf(item);
            written++;
        }
        Json.WriteEndArray();
        PageLinks(pageable && more ? lastId : null, limit);
    }

    /// <summary>
    /// The slice [Start, End) of a sorted index set that follows the request's opaque <c>after</c> cursor (an id,
    /// turned into an index by <paramref name="indexOf"/>), at most <paramref name="limit"/> long.
    /// </summary>
    public (int Start, int End) IndexWindow(SortedIntSet set, int limit, Func<string, int?> indexOf)
    {
        int? afterIndex = null;
        if (Query("after") is { } after)
        {
            afterIndex = indexOf(after) ?? throw OktaApiException.Validation("after", "after: invalid cursor");
        }
        var start = set.StartAfter(afterIndex);
        return (start, Math.Min(set.Items.Count, start + limit));
    }

    /// <summary>Adds the self link and, when there is a next page, the next link (separate Link header lines).</summary>
    public void PageLinks(string? nextCursor, int limit)
    {
        var request = Http.Request;
        Links.Add($"<{BaseUrl}{request.Path}{request.QueryString}>; rel=\"self\"");
        if (nextCursor is not null)
        {
            Links.Add($"<{NextUrl(nextCursor, limit)}>; rel=\"next\"");
        }
    }

    public string NextUrl(string nextCursor, int limit)
    {
        var request = Http.Request;
        var query = new StringBuilder();
        foreach (var pair in request.Query)
        {
            if (pair.Key is "after" or "limit")
            {
                continue;
            }
            foreach (var value in pair.Value)
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty));
            }
        }
        query.Append(query.Length == 0 ? '?' : '&').Append("after=").Append(Uri.EscapeDataString(nextCursor));
        query.Append("&limit=").Append(limit.ToString(CultureInfo.InvariantCulture));
        return $"{BaseUrl}{request.Path}{query}";
    }

    public void NoContent() => StatusCode = 204;

    /// <summary>The values of the <c>okta-response</c> Content-Type parameter, e.g. omitCredentials.</summary>
    private static HashSet<string> ResponseHints(string? header)
    {
        var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        const string Key = "okta-response=";
        var at = header?.IndexOf(Key, StringComparison.OrdinalIgnoreCase) ?? -1;
        if (header is null || at < 0)
        {
            return hints;
        }
        var rest = header[(at + Key.Length)..].TrimStart();
        string list;
        if (rest.StartsWith('"'))
        {
            var close = rest.IndexOf('"', 1);
            list = close < 0 ? rest[1..] : rest[1..close];
        }
        else
        {
            var stop = rest.IndexOfAny(new[] { ';', ',', ' ' });
            list = stop < 0 ? rest : rest[..stop];
        }
        foreach (var value in list.Split(','))
        {
            hints.Add(value.Trim());
        }
        return hints;
    }

    public void Dispose() => _writer?.Dispose();
}
