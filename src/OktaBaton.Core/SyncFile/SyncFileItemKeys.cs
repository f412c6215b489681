using System;
using System.Text.Json;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// The few fields that place an item of a sync file, read from its raw bytes without building the item: a
/// resource's id, a grant's entitlement and principal. The items are the ones <see cref="SyncFileJson"/> writes, so
/// these fields come first; an item in any other shape answers false.
/// </summary>
internal static class SyncFileItemKeys
{
    /// <summary>The id (within its type) of a resource item; null when the bytes are not a resource item.</summary>
    public static string? ResourceKey(ReadOnlyMemory<byte> item) => TryReadResourceId(item.Span, out _, out var resource) ? resource : null;

    /// <summary>A resource item's <c>id</c>: <c>{"id":{"resourceType":…,"resource":…},…}</c>.</summary>
    public static bool TryReadResourceId(ReadOnlySpan<byte> item, out string resourceType, out string resource)
    {
        resourceType = resource = string.Empty;
        var reader = new Utf8JsonReader(item);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("id")) return false;
        return TryReadId(ref reader, out resourceType, out resource);
    }

    /// <summary>
    /// A grant item's entitlement id and principal: <c>{"id":…,"entitlement":…,"principal":{"resourceType":…,"resource":…},…}</c>.
    /// </summary>
    public static bool TryReadGrant(ReadOnlySpan<byte> item, out string entitlementId, out string principalType, out string principal)
    {
        entitlementId = principalType = principal = string.Empty;
        var reader = new Utf8JsonReader(item);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        if (!SkipProperty(ref reader, "id")) return false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("entitlement")) return false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String) return false;
        entitlementId = reader.GetString() ?? string.Empty;
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("principal")) return false;
        return entitlementId.Length > 0 && TryReadId(ref reader, out principalType, out principal);
    }

    /// <summary>Whether <paramref name="entitlement"/> is the grant item's entitlement, compared on the raw bytes.</summary>
    public static bool HasEntitlement(ReadOnlySpan<byte> item, ReadOnlySpan<byte> entitlement)
    {
        var reader = new Utf8JsonReader(item);
        return reader.Read() && reader.TokenType == JsonTokenType.StartObject
            && SkipProperty(ref reader, "id")
            && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("entitlement")
            && reader.Read() && reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual(entitlement);
    }

    private static bool SkipProperty(ref Utf8JsonReader reader, string name) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(name) && reader.Read() && reader.TrySkip();

    private static bool TryReadId(ref Utf8JsonReader reader, out string resourceType, out string resource)
    {
        resourceType = resource = string.Empty;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("resourceType");
            var isResource = !isType && reader.ValueTextEquals("resource");
            if (!reader.Read()) return false;
            if (isType && reader.TokenType == JsonTokenType.String) resourceType = reader.GetString() ?? string.Empty;
            else if (isResource && reader.TokenType == JsonTokenType.String) resource = reader.GetString() ?? string.Empty;
            else if (!reader.TrySkip()) return false;
        }
        return reader.TokenType == JsonTokenType.EndObject && resourceType.Length > 0 && resource.Length > 0;
    }
}
