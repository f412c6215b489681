using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>The JSON shape of each item in a sync file, shared by the writer and the reader.</summary>
internal static class SyncFileJson
{
    /// <summary>Readable non-ASCII text (names, e-mails); the file is data, never embedded in HTML.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void WriteResourceId(Utf8JsonWriter writer, ResourceId id)
    {
        writer.WriteStartObject();
        writer.WriteString("resourceType", id.ResourceType);
        writer.WriteString("resource", id.Resource);
        writer.WriteEndObject();
    }

    public static void WriteResourceType(Utf8JsonWriter writer, ResourceTypeInfo type)
    {
        writer.WriteStartObject();
        writer.WriteString("id", type.Id);
        writer.WriteString("displayName", type.DisplayName);
        WriteStrings(writer, "traits", type.Traits);
        writer.WriteEndObject();
    }

    public static void WriteResource(Utf8JsonWriter writer, Resource resource)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("id");
        WriteResourceId(writer, resource.Id);
        writer.WriteString("displayName", resource.DisplayName);
        if (resource.Description is not null) writer.WriteString("description", resource.Description);
        writer.WritePropertyName("traits");
        resource.Traits.WriteTo(writer);
        writer.WritePropertyName("profile");
        resource.Profile.WriteTo(writer);
        writer.WriteEndObject();
    }

    public static void WriteEntitlement(Utf8JsonWriter writer, Entitlement entitlement)
    {
        writer.WriteStartObject();
        writer.WriteString("id", entitlement.Id);
        writer.WritePropertyName("resource");
        WriteResourceId(writer, entitlement.Resource);
        writer.WriteString("slug", entitlement.Slug);
        writer.WriteString("displayName", entitlement.DisplayName);
        if (entitlement.Description is not null) writer.WriteString("description", entitlement.Description);
        writer.WriteString("purpose", entitlement.Purpose);
        WriteStrings(writer, "grantableTo", entitlement.GrantableTo);
        writer.WriteEndObject();
    }

    public static void WriteGrant(Utf8JsonWriter writer, Grant grant) =>
        WriteGrant(writer, grant.EntitlementId, grant.Principal.ResourceType, grant.Principal.Resource, grant.Expandable, grant.Scope, grant.InheritedThrough);

    /// <summary>
    /// A grant without a <see cref="Grant"/> object: the same bytes, for the hot path of membership lists. Its id,
    /// "{entitlementId}:{principalType}:{principalId}", is assembled on the stack when it is short.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public static void WriteGrant(Utf8JsonWriter writer, string entitlementId, string principalType, string principalId, IReadOnlyList<string> expandable,
        GrantScope? scope = null, IReadOnlyList<string>? inheritedThrough = null)
    {
        writer.WriteStartObject();
        var length = entitlementId.Length + principalType.Length + principalId.Length + 2;
        if (length <= StackIdLimit)
        {
            Span<char> id = stackalloc char[length];
            var at = Append(id, 0, entitlementId);
            id[at++] = ':';
            at = Append(id, at, principalType);
            id[at++] = ':';
            Append(id, at, principalId);
            writer.WriteString(GrantIdName, id);
        }
        else
        {
            writer.WriteString(GrantIdName, entitlementId + ":" + principalType + ":" + principalId);
        }
        writer.WriteString(EntitlementName, entitlementId);
        writer.WriteStartObject(PrincipalName);
        writer.WriteString(ResourceTypeName, principalType);
        writer.WriteString(ResourceName, principalId);
        writer.WriteEndObject();
        if (expandable.Count > 0)
        {
            writer.WriteStartObject("expandable");
            WriteStrings(writer, "entitlementIds", expandable);
            writer.WriteEndObject();
        }
        if (scope is not null) WriteScope(writer, scope);
        if (inheritedThrough is not null)
        {
            writer.WriteStartObject("inherited");
            WriteStrings(writer, "groupIds", inheritedThrough);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary>"scope": {"groupIds": […], "apps": [{"name", "id"?}], "resourceSetIds": […]}, each list only when not empty.</summary>
    private static void WriteScope(Utf8JsonWriter writer, GrantScope scope)
    {
        writer.WriteStartObject("scope");
        if (scope.GroupIds.Count > 0) WriteStrings(writer, "groupIds", scope.GroupIds);
        if (scope.Apps.Count > 0)
        {
            writer.WriteStartArray("apps");
            foreach (var app in scope.Apps)
            {
                writer.WriteStartObject();
                writer.WriteString("name", app.Name);
                if (app.Id is not null) writer.WriteString("id", app.Id);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (scope.ResourceSetIds.Count > 0) WriteStrings(writer, "resourceSetIds", scope.ResourceSetIds);
        writer.WriteEndObject();
    }

    private const int StackIdLimit = 256;
    private static readonly JsonEncodedText GrantIdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText EntitlementName = JsonEncodedText.Encode("entitlement");
    private static readonly JsonEncodedText PrincipalName = JsonEncodedText.Encode("principal");
    private static readonly JsonEncodedText ResourceTypeName = JsonEncodedText.Encode("resourceType");
    private static readonly JsonEncodedText ResourceName = JsonEncodedText.Encode("resource");

    private static int Append(Span<char> target, int at, string text)
    {
        text.AsSpan().CopyTo(target.Slice(at));
        return at + text.Length;
    }

    public static void WriteWarning(Utf8JsonWriter writer, SyncWarning warning)
    {
        writer.WriteStartObject();
        writer.WriteString("code", warning.Code);
        writer.WriteString("message", warning.Message);
        if (warning.Resource is not null)
        {
            writer.WritePropertyName("resource");
            WriteResourceId(writer, warning.Resource);
        }
        if (warning.Path is not null) writer.WriteString("path", warning.Path);
        if (warning.ErrorCode is not null) writer.WriteString("errorCode", warning.ErrorCode);
        writer.WriteEndObject();
    }

    public static void WriteStats(Utf8JsonWriter writer, SyncStats stats)
    {
        writer.WriteStartObject();
        writer.WriteNumber("requests", stats.Requests);
        writer.WriteNumber("retries", stats.Retries);
        writer.WriteNumber("durationMs", stats.DurationMs);
        writer.WriteStartObject("counts");
        foreach (var pair in stats.ResourceCounts) writer.WriteNumber(pair.Key, pair.Value);
        writer.WriteEndObject();
        writer.WriteNumber("entitlements", stats.Entitlements);
        writer.WriteNumber("grants", stats.Grants);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    // ---- reading: each item arrives as a small JsonElement; a missing or mistyped field is an InvalidDataException

    public static ResourceId ReadResourceId(JsonElement element, string what) =>
        new(RequiredString(element, "resourceType", what), RequiredString(element, "resource", what));

    public static ResourceTypeInfo ReadResourceType(JsonElement element)
    {
        var traits = ReadStrings(element, "traits");
        return new ResourceTypeInfo(RequiredString(element, "id", "resource type"), RequiredString(element, "displayName", "resource type"), traits.Count > 0 ? traits[0] : null);
    }

    public static Resource ReadResource(JsonElement element) => new(
        ReadResourceId(RequiredProperty(element, "id", JsonValueKind.Object, "resource"), "resource id"),
        RequiredString(element, "displayName", "resource"),
        OptionalBag(element, "traits"),
        OptionalBag(element, "profile"),
        OptionalString(element, "description"));

    public static Entitlement ReadEntitlement(JsonElement element)
    {
        var entitlement = new Entitlement(
            ReadResourceId(RequiredProperty(element, "resource", JsonValueKind.Object, "entitlement"), "entitlement resource"),
            RequiredString(element, "slug", "entitlement"),
            RequiredString(element, "displayName", "entitlement"),
            RequiredString(element, "purpose", "entitlement"),
            ReadStrings(element, "grantableTo"),
            OptionalString(element, "description"));
        var id = RequiredString(element, "id", "entitlement");
        if (!string.Equals(id, entitlement.Id, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"entitlement id '{id}' does not match its resource and slug ('{entitlement.Id}')");
        }
        return entitlement;
    }

    public static Grant ReadGrant(JsonElement element)
    {
        IReadOnlyList<string>? expandable = null;
        if (element.TryGetProperty("expandable", out var expand) && expand.ValueKind == JsonValueKind.Object)
        {
            expandable = ReadStrings(expand, "entitlementIds");
        }
        var entitlementId = RequiredString(element, "entitlement", "grant");
        EntitlementIds.Parse(entitlementId);
        var grant = new Grant(entitlementId, ReadResourceId(RequiredProperty(element, "principal", JsonValueKind.Object, "grant"), "grant principal"), expandable,
            ReadScope(element), ReadInherited(element));
        var id = RequiredString(element, "id", "grant");
        if (!string.Equals(id, grant.Id, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"grant id '{id}' does not match its entitlement and principal ('{grant.Id}')");
        }
        return grant;
    }

    private static GrantScope? ReadScope(JsonElement grant)
    {
        if (!grant.TryGetProperty("scope", out var scope)) return null;
        if (scope.ValueKind != JsonValueKind.Object) throw new InvalidOperationException("grant has a \"scope\" that is not an object");
        var apps = new List<AppScope>();
        if (scope.TryGetProperty("apps", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array) throw new InvalidOperationException("grant scope has \"apps\" that is not an array");
            foreach (var app in list.EnumerateArray()) apps.Add(new AppScope(RequiredString(app, "name", "grant scope app"), OptionalString(app, "id")));
        }
        return new GrantScope(ReadStrings(scope, "groupIds"), apps, ReadStrings(scope, "resourceSetIds"));
    }

    private static IReadOnlyList<string>? ReadInherited(JsonElement grant)
    {
        if (!grant.TryGetProperty("inherited", out var inherited)) return null;
        if (inherited.ValueKind != JsonValueKind.Object) throw new InvalidOperationException("grant has an \"inherited\" that is not an object");
        return ReadStrings(inherited, "groupIds");
    }

    public static SyncWarning ReadWarning(JsonElement element) => new(
        RequiredString(element, "code", "warning"),
        RequiredString(element, "message", "warning"),
        element.TryGetProperty("resource", out var resource) && resource.ValueKind == JsonValueKind.Object ? ReadResourceId(resource, "warning resource") : null,
        OptionalString(element, "path"),
        OptionalString(element, "errorCode"));

    public static SyncStats ReadStats(JsonElement element)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (element.TryGetProperty("counts", out var countsElement) && countsElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in countsElement.EnumerateObject()) counts[property.Name] = property.Value.GetInt64();
        }
        return new SyncStats(OptionalLong(element, "requests"), OptionalLong(element, "retries"), OptionalLong(element, "durationMs"),
            counts, OptionalLong(element, "entitlements"), OptionalLong(element, "grants"));
    }

    public static PropertyBag OptionalBag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? PropertyBag.FromJson(value) : new PropertyBag();

    public static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long OptionalLong(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    public static string RequiredString(JsonElement element, string name, string what)
    {
        var value = RequiredProperty(element, name, JsonValueKind.String, what).GetString();
        if (string.IsNullOrEmpty(value)) throw new InvalidOperationException($"{what} has an empty \"{name}\"");
        return value!;
    }

    private static JsonElement RequiredProperty(JsonElement element, string name, JsonValueKind kind, string what)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new InvalidOperationException($"{what} is not a JSON object");
        if (!element.TryGetProperty(name, out var value)) throw new InvalidOperationException($"{what} lacks \"{name}\"");
        if (value.ValueKind != kind) throw new InvalidOperationException($"{what} has \"{name}\" of kind {value.ValueKind}, expected {kind}");
        return value;
    }

    private static IReadOnlyList<string> ReadStrings(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array) return Array.Empty<string>();
        var list = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String) list.Add(item.GetString()!);
        }
        return list;
    }
}
