using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Okta;

/// <summary>
/// Reads only the "id" of each object in a JSON array (a page of group members or app users): one pass of a
/// <see cref="Utf8JsonReader"/> over the page, skipping everything else, with no object built per item.
/// </summary>
internal static class IdListReader
{
    private const int FirstBufferBytes = 64 * 1024;
    private static readonly byte[] IdName = { (byte)'i', (byte)'d' };

    public static Task<List<string>> ReadAsync(Stream stream, CancellationToken ct) => ReadAsync(stream, Parse, ct);

    /// <summary>A page parser over the page's bytes.</summary>
    public delegate List<T> PageParser<T>(ReadOnlySpan<byte> json);

    /// <summary>Reads the whole page into a pooled buffer and parses it with <paramref name="parse"/>.</summary>
    public static async Task<List<T>> ReadAsync<T>(Stream stream, PageParser<T> parse, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(FirstBufferBytes);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer, length, buffer.Length - length, ct).ConfigureAwait(false);
                if (read == 0) break;
                length += read;
            }

            return parse(new ReadOnlySpan<byte>(buffer, 0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The ids, in list order; a JsonException when the page is not an array of objects that each have a string id.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static List<string> Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, state: default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) throw new JsonException("Expected a JSON array.");
        var ids = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"Expected an object in the list, found {reader.TokenType}.");
            string? id = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals(IdName);
                reader.Read();
                if (isId && reader.TokenType == JsonTokenType.String) id = reader.GetString();
                else if (isId && reader.TokenType != JsonTokenType.Null) throw new JsonException($"An item's \"id\" is a {reader.TokenType}, not a string.");
                else reader.Skip();
            }

            if (string.IsNullOrEmpty(id)) throw new JsonException("An item of the list has no \"id\".");
            ids.Add(id!);
        }

        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("The list ends early.");
        if (reader.Read()) throw new JsonException("Unexpected content after the list.");
        return ids;
    }
}
