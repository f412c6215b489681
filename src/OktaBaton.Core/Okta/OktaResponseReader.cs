using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Okta;

/// <summary>Reads successful answers: one object, a Link-header page, an id-only page, or an /iam body page.</summary>
internal static class OktaResponseReader
{
    public static Task<T> ReadObjectAsync<T>(HttpResponseMessage response, RequestState state, CancellationToken ct) =>
        ReadObjectAsync<T>(response, state, OktaJson.Options, ct);

    public static async Task<T> ReadObjectAsync<T>(HttpResponseMessage response, RequestState state, JsonSerializerOptions json, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content is null)
        {
            return default!;
        }

        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(stream, json, ct).ConfigureAwait(false))!;
        }
        catch (JsonException failure)
        {
            throw Unreadable(response, state, failure);
        }
    }

    /// <summary>
    /// The answer to a write, which Okta may send with or without a body (POST /groups/{id}/roles documents both a 200
    /// with the assignment and a 201 without content): default when the body is empty, the object otherwise.
    /// </summary>
    public static async Task<T?> ReadWriteAnswerAsync<T>(HttpResponseMessage response, RequestState state, CancellationToken ct)
        where T : class
    {
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content is null)
        {
            return null;
        }

        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        if (IsBlank(bytes))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(bytes, OktaJson.Options);
        }
        catch (JsonException failure)
        {
            throw Unreadable(response, state, failure);
        }
    }

    private static bool IsBlank(byte[] bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    public static async Task<LinkPage<T>> ReadLinkPageAsync<T>(HttpResponseMessage response, RequestState state, JsonSerializerOptions json,
        CancellationToken ct)
    {
        var items = await ReadObjectAsync<List<T>>(response, state, json, ct).ConfigureAwait(false);
        return new LinkPage<T>(items ?? new List<T>(), LinkHeader.FindNext(response.Headers));
    }

    /// <summary>A Link-header page read by a span parser (ids only, app users for a sync, …).</summary>
    public static async Task<LinkPage<T>> ReadParsedPageAsync<T>(HttpResponseMessage response, RequestState state, IdListReader.PageParser<T> parse, CancellationToken ct)
    {
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        try
        {
            var items = await IdListReader.ReadAsync(stream, parse, ct).ConfigureAwait(false);
            return new LinkPage<T>(items, LinkHeader.FindNext(response.Headers));
        }
        catch (JsonException failure)
        {
            throw Unreadable(response, state, failure);
        }
    }

    public static async Task<LinkPage<T>> ReadIamPageAsync<T>(HttpResponseMessage response, RequestState state,
        string arrayProperty, CancellationToken ct)
    {
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        try
        {
            using var document = await JsonDocument.ParseAsync(stream, default, ct).ConfigureAwait(false);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"Expected an object with a \"{arrayProperty}\" array.");
            }

            var items = new List<T>();
            if (root.TryGetProperty(arrayProperty, out var array) && array.ValueKind != JsonValueKind.Null)
            {
                if (array.ValueKind != JsonValueKind.Array)
                {
                    throw new JsonException($"\"{arrayProperty}\" is not an array.");
                }

                foreach (var element in array.EnumerateArray())
                {
                    items.Add(element.Deserialize<T>(OktaJson.Options)!);
                }
            }

            string? next = null;
            if (root.TryGetProperty("_links", out var links) && links.ValueKind == JsonValueKind.Object
                && links.TryGetProperty("next", out var nextLink) && nextLink.ValueKind == JsonValueKind.Object
                && nextLink.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String)
            {
                next = href.GetString();
            }

            return new LinkPage<T>(items, string.IsNullOrEmpty(next) ? null : next);
        }
        catch (JsonException failure)
        {
            throw Unreadable(response, state, failure);
        }
    }

    public static async Task<OktaJsonAnswer> ReadJsonAnswerAsync(HttpResponseMessage response, RequestState state, CancellationToken ct)
    {
        var next = LinkHeader.FindNext(response.Headers);
        var bytes = response.Content is null ? Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            return new OktaJsonAnswer((int)response.StatusCode, null, next);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var body = document.RootElement.Clone();
            if (next is null && body.ValueKind == JsonValueKind.Object && body.TryGetProperty("_links", out var links)
                && links.ValueKind == JsonValueKind.Object && links.TryGetProperty("next", out var nextLink)
                && nextLink.ValueKind == JsonValueKind.Object && nextLink.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String)
            {
                next = href.GetString();
            }

            return new OktaJsonAnswer((int)response.StatusCode, body, next);
        }
        catch (JsonException failure)
        {
            throw Unreadable(response, state, failure);
        }
    }

    private static OktaApiException Unreadable(HttpResponseMessage response, RequestState state, JsonException failure) =>
        new((int)response.StatusCode, null, "The answer could not be read as the expected JSON", null,
            new[] { failure.Message }, OktaErrorReader.RequestIdOf(response), state.Method.Method, state.Path, null, null);
}
