using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta;

namespace OktaBaton.Core.Lookup;

/// <summary>
/// Any Okta API call on a connection, with its authentication, pacing, retries and tracing: what
/// Invoke-OktaRestMethod runs. Only the org is ever called: an absolute URL to another host is refused before sending.
/// </summary>
public sealed class OktaRestCall
{
    private static readonly string[] Methods = { "GET", "POST", "PUT", "PATCH", "DELETE" };
    private readonly OktaClient _client;

    public OktaRestCall(OktaClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>
    /// Sends the request and yields the answer: each item of a JSON array, the object otherwise, nothing for an
    /// empty answer. With <paramref name="allPages"/> (GET only) it follows next links — Link headers, or an
    /// /api/v1/iam body's <c>_links.next</c> (then the body's array is what is yielded).
    /// </summary>
    public async IAsyncEnumerable<JsonElement> SendAsync(string method, string path, string? jsonBody, bool allPages, [EnumeratorCancellation] CancellationToken ct)
    {
        var verb = (method ?? "GET").Trim().ToUpperInvariant();
        if (Array.IndexOf(Methods, verb) < 0)
        {
            throw Invalid($"The method '{method}' is not one of {string.Join(", ", Methods)}.");
        }

        if (allPages && verb != "GET")
        {
            throw Invalid("-All follows the pages of a GET; it cannot be used with " + verb + ".");
        }

        var url = CheckedUrl(path);
        var body = jsonBody is null ? null : CheckedJson(jsonBody);
        var seen = new HashSet<string>(StringComparer.Ordinal) { url };
        while (true)
        {
            Task<OktaJsonAnswer> sending;
            using (OktaPaths.AllowSelf())
            {
                // a path typed by hand says what it means: /api/v1/users/me is asked for explicitly here
                sending = _client.SendJsonAsync(new HttpMethod(verb), url, body, ct);
            }

            var answer = await sending.ConfigureAwait(false);
            if (answer.Body is { } value)
            {
                foreach (var item in Items(value, allPages))
                {
                    yield return item;
                }
            }

            if (!allPages || answer.Next is null || !seen.Add(answer.Next))
            {
                yield break;
            }

            url = answer.Next;
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement value, bool allPages)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                yield return item;
            }

            yield break;
        }

        if (allPages && value.ValueKind == JsonValueKind.Object && value.TryGetProperty("_links", out _))
        {
            // An /iam page: {"roles": [...], "_links": {...}}: its one array holds the items.
            foreach (var property in value.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        yield return item;
                    }

                    yield break;
                }
            }
        }

        yield return value;
    }

    private string CheckedUrl(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw Invalid("A path is required, e.g. /api/v1/users/me.");
        }

        var trimmed = path.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp))
        {
            if (!_client.Org.IsSameOrigin(absolute))
            {
                throw Invalid($"'{absolute.GetLeftPart(UriPartial.Authority)}' is not the connected org ({_client.Org.Domain}): requests and their credentials go only to the org.");
            }

            return absolute.AbsoluteUri;
        }

        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.Contains("://"))
        {
            throw Invalid($"'{trimmed}' is not a path on the org: requests and their credentials go only to the org.");
        }

        return trimmed.StartsWith("/", StringComparison.Ordinal) ? trimmed : "/" + trimmed;
    }

    private static byte[] CheckedJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return System.Text.Encoding.UTF8.GetBytes(json);
        }
        catch (JsonException failure)
        {
            throw new OktaOperationException("OktaInvalidArgument", OktaFailureKind.InvalidArgument, "-Body is not valid JSON: " + failure.Message, failure);
        }
    }

    private static OktaOperationException Invalid(string message) => new("OktaInvalidArgument", OktaFailureKind.InvalidArgument, message);
}
