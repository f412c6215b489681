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

    /// <summary>The id of the resource an entitlement item belongs to; null when the bytes are not an entitlement item.</summary>
    public static string? EntitlementKey(ReadOnlyMemory<byte> item) => TryReadEntitlementResource(item.Span, out _, out var resource) ? resource : null;

    /// <summary>
    /// The resource an entitlement item belongs to: <c>{"id":…,"resource":{"resourceType":…,"resource":…},…}</c>. With
    /// <paramref name="wholeItem"/>, also false unless the rest of the bytes are well-formed JSON and end with the item.
    /// </summary>
    public static bool TryReadEntitlementResource(ReadOnlySpan<byte> item, out string resourceType, out string resource, bool wholeItem = false)
    {
        resourceType = resource = string.Empty;
        try
        {
            var reader = new Utf8JsonReader(item);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            if (!SkipProperty(ref reader, "id")) return false;
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("resource")) return false;
            return TryReadId(ref reader, out resourceType, out resource) && (!wholeItem || ReadsToTheEnd(ref reader));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The id of the resource a grant item's entitlement belongs to; null when the bytes are not a grant item.</summary>
    public static string? GrantKey(ReadOnlyMemory<byte> item) => TryReadGrant(item.Span, out var entitlementId, out _, out _) ? ResourceOf(entitlementId) : null;

    /// <summary>"group:00g1:member" → "00g1" (a resource id may contain ':', a type or slug never does).</summary>
    public static string ResourceOf(string entitlementId)
    {
        var first = entitlementId.IndexOf(':');
        var last = entitlementId.LastIndexOf(':');
        return first >= 0 && last > first ? entitlementId.Substring(first + 1, last - first - 1) : entitlementId;
    }

    /// <summary>
    /// A resource item's <c>id</c>: <c>{"id":{"resourceType":…,"resource":…},…}</c>. With <paramref name="wholeItem"/>, also
    /// false unless the rest of the bytes are well-formed JSON and end with the item.
    /// </summary>
    public static bool TryReadResourceId(ReadOnlySpan<byte> item, out string resourceType, out string resource, bool wholeItem = false)
    {
        resourceType = resource = string.Empty;
        try
        {
            var reader = new Utf8JsonReader(item);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("id")) return false;
            return TryReadId(ref reader, out resourceType, out resource) && (!wholeItem || ReadsToTheEnd(ref reader));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Whether the bytes are one well-formed JSON object, with nothing after it.</summary>
    public static bool IsWholeObject(ReadOnlySpan<byte> item)
    {
        try
        {
            var reader = new Utf8JsonReader(item);
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject && ReadsToTheEnd(ref reader);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads every token left: the JSON reader throws on anything malformed, or on anything after the root value.</summary>
    private static bool ReadsToTheEnd(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
        }
        return reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndObject;
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

    /// <summary>
    /// As <see cref="TryReadGrant"/>, without building strings: the raw UTF-8 of the entitlement id, the principal's type
    /// and id, each valid while <paramref name="item"/> is. False also when one of them is escaped (then read the strings).
    /// </summary>
    public static bool TryReadGrantBytes(ReadOnlySpan<byte> item, out ReadOnlySpan<byte> entitlementId, out ReadOnlySpan<byte> principalType, out ReadOnlySpan<byte> principal,
        bool wholeItem = false)
    {
        entitlementId = principalType = principal = default;
        try
        {
            return ReadGrantBytes(item, out entitlementId, out principalType, out principal, wholeItem);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool ReadGrantBytes(ReadOnlySpan<byte> item, out ReadOnlySpan<byte> entitlementId, out ReadOnlySpan<byte> principalType, out ReadOnlySpan<byte> principal,
        bool wholeItem)
    {
        entitlementId = principalType = principal = default;
        var reader = new Utf8JsonReader(item);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        if (!SkipProperty(ref reader, "id")) return false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("entitlement")) return false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped) return false;
        entitlementId = reader.ValueSpan;
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("principal")) return false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("resourceType");
            var isResource = !isType && reader.ValueTextEquals("resource");
            if (!reader.Read()) return false;
            if ((isType || isResource) && (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)) return false;
            if (isType) principalType = reader.ValueSpan;
            else if (isResource) principal = reader.ValueSpan;
            else if (!reader.TrySkip()) return false;
        }
        return reader.TokenType == JsonTokenType.EndObject && entitlementId.Length > 0 && principalType.Length > 0 && principal.Length > 0
            && (!wholeItem || ReadsToTheEnd(ref reader));
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
