using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OktaBaton.Benchmarks;

/// <summary>
/// A bare Okta reader for the baseline and the raw-fetch floor: one HttpClient, SSWS auth, Link and body paging,
/// each page parsed with JsonDocument, and a 429 retried after its reset — nothing else (no pacing, no model, no file).
/// </summary>
internal sealed class PlainWalker : IDisposable
{
    private readonly HttpClient _http;
    private long _requests;
    private long _rateLimited;
    private long _items;

    public PlainWalker(Uri baseUrl, string token)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.All };
        _http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("SSWS", token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public long Requests => Interlocked.Read(ref _requests);

    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Every list item read, of every endpoint.</summary>
    public long Items => Interlocked.Read(ref _items);

    /// <summary>Reads a Link-paged list (or, with <paramref name="bodyArray"/>, an /iam list paged in its body) to the end.</summary>
    public async Task WalkAsync(string url, Action<JsonElement> onItem, string? bodyArray = null)
    {
        string? next = url;
        while (next is not null)
        {
            using var response = await GetAsync(next).ConfigureAwait(false);
            await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(stream).ConfigureAwait(false);
            var root = document.RootElement;
            var array = bodyArray is null ? root : root.TryGetProperty(bodyArray, out var inner) ? inner : default;
            if (array.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in array.EnumerateArray())
                {
                    Interlocked.Increment(ref _items);
                    onItem(item);
                }
            }
            next = bodyArray is null ? NextLink(response.Headers) : BodyNext(root);
        }
    }

    private async Task<HttpResponseMessage> GetAsync(string url)
    {
        while (true)
        {
            Interlocked.Increment(ref _requests);
            var response = await _http.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute), HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                response.EnsureSuccessStatusCode();
                return response;
            }
            Interlocked.Increment(ref _rateLimited);
            var wait = UntilReset(response.Headers);
            response.Dispose();
            await Task.Delay(wait).ConfigureAwait(false);
        }
    }

    /// <summary>Okta's SDK rule: Reset − Date + 1 s.</summary>
    private static TimeSpan UntilReset(HttpResponseHeaders headers)
    {
        if (headers.TryGetValues("X-Rate-Limit-Reset", out var values)
            && long.TryParse(values.First().Split(',')[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
        {
            var now = headers.Date ?? DateTimeOffset.UtcNow;
            var wait = DateTimeOffset.FromUnixTimeSeconds(reset) - now + TimeSpan.FromSeconds(1);
            return wait < TimeSpan.FromMilliseconds(50) ? TimeSpan.FromMilliseconds(50) : wait > TimeSpan.FromSeconds(70) ? TimeSpan.FromSeconds(70) : wait;
        }
        return TimeSpan.FromSeconds(1);
    }

    private static string? NextLink(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Link", out var links)) return null;
        foreach (var link in links.SelectMany(l => l.Split(',')))
        {
            if (!link.Contains("rel=\"next\"", StringComparison.Ordinal)) continue;
            var start = link.IndexOf('<', StringComparison.Ordinal);
            var end = link.IndexOf('>', StringComparison.Ordinal);
            if (start >= 0 && end > start) return link[(start + 1)..end];
        }
        return null;
    }

    private static string? BodyNext(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("_links", out var links) && links.ValueKind == JsonValueKind.Object
            && links.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.Object
            && next.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String
            ? href.GetString()
            : null;

    public void Dispose() => _http.Dispose();
}
