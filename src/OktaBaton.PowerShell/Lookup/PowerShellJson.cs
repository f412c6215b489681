using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text;
using System.Text.Json;

namespace OktaBaton.PowerShell.Lookup;

/// <summary>JSON to PowerShell objects (PSCustomObject, arrays, plain values) and back (hashtables, objects, strings).</summary>
internal static class PowerShellJson
{
    public static object? FromJson(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var result = new PSObject();
                foreach (var property in value.EnumerateObject())
                {
                    result.Properties.Add(new PSNoteProperty(property.Name, FromJson(property.Value)));
                }

                return result;
            case JsonValueKind.Array:
                var items = new ArrayList();
                foreach (var item in value.EnumerateArray())
                {
                    items.Add(FromJson(item));
                }

                return items.ToArray();
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Number:
                return value.TryGetInt64(out var whole) ? whole : value.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    /// <summary>A JSON string is sent as it is; anything else is serialized (hashtables, PSCustomObjects, arrays, values).</summary>
    public static string ToJson(object body)
    {
        var value = body is PSObject wrapped && wrapped.BaseObject is string text ? text : body as string;
        if (value is not null)
        {
            return value;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, body, 0);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, object? value, int depth)
    {
        if (depth > 64)
        {
            throw new ArgumentException("-Body nests too deeply (more than 64 levels).");
        }

        var baseObject = value is PSObject ps ? ps.BaseObject : value;
        switch (baseObject)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string text:
                writer.WriteStringValue(text);
                return;
            case bool flag:
                writer.WriteBooleanValue(flag);
                return;
            case DateTime time:
                writer.WriteStringValue(time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                return;
            case DateTimeOffset offset:
                writer.WriteStringValue(offset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                return;
            case Enum enumeration:
                writer.WriteStringValue(enumeration.ToString());
                return;
            case IConvertible number when IsNumber(number):
                writer.WriteRawValue(Convert.ToString(number, CultureInfo.InvariantCulture)!);
                return;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!);
                    Write(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                return;
            case IEnumerable sequence:
                writer.WriteStartArray();
                foreach (var item in sequence)
                {
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                return;
        }

        writer.WriteStartObject();
        foreach (var property in PSObject.AsPSObject(value!).Properties)
        {
            if (property.MemberType is PSMemberTypes.NoteProperty or PSMemberTypes.Property)
            {
                writer.WritePropertyName(property.Name);
                Write(writer, property.Value, depth + 1);
            }
        }

        writer.WriteEndObject();
    }

    private static bool IsNumber(IConvertible value) => value.GetTypeCode() is TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16
        or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal;
}
