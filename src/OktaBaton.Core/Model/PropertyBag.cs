using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace OktaBaton.Core.Model;

/// <summary>
/// An ordered JSON object of traits or profile values. Values are null, string, bool, long, double,
/// a nested <see cref="PropertyBag"/>, or a list of those. Order is kept so the same input writes the same bytes.
/// </summary>
public sealed class PropertyBag : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _items = new();

    public int Count => _items.Count;

    public KeyValuePair<string, object?> this[int index] => _items[index];

    /// <summary>Sets a value, replacing an earlier one of the same name in place. Returns this bag for chaining.</summary>
    public PropertyBag Set(string name, object? value)
    {
        var normalized = Normalize(value);
        for (var i = 0; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].Key, name, StringComparison.Ordinal))
            {
                _items[i] = new KeyValuePair<string, object?>(name, normalized);
                return this;
            }
        }
        _items.Add(new KeyValuePair<string, object?>(name, normalized));
        return this;
    }

    /// <summary>Sets a value only when it is not null.</summary>
    public PropertyBag SetIfPresent(string name, object? value) => value is null ? this : Set(name, value);

    public bool Remove(string name) => _items.RemoveAll(item => string.Equals(item.Key, name, StringComparison.Ordinal)) > 0;

    public bool TryGetValue(string name, out object? value)
    {
        foreach (var item in _items)
        {
            if (string.Equals(item.Key, name, StringComparison.Ordinal))
            {
                value = item.Value;
                return true;
            }
        }
        value = null;
        return false;
    }

    public object? Get(string name) => TryGetValue(name, out var value) ? value : null;

    public string? GetString(string name) => Get(name) switch
    {
        null => null,
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    public PropertyBag? GetBag(string name) => Get(name) as PropertyBag;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Copies a JSON object (e.g. an Okta profile) into a bag, keeping the property order.</summary>
    public static PropertyBag FromJson(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Expected a JSON object, found {element.ValueKind}.", nameof(element));
        }
        var bag = new PropertyBag();
        foreach (var property in element.EnumerateObject())
        {
            bag._items.Add(new KeyValuePair<string, object?>(property.Name, FromJsonValue(property.Value)));
        }
        return bag;
    }

    /// <summary>A plain dictionary copy (nested bags as dictionaries, lists as arrays), e.g. for $record.Profile.department in PowerShell.</summary>
    public Dictionary<string, object?> ToDictionary()
    {
        var dictionary = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in _items) dictionary[item.Key] = Plain(item.Value);
        return dictionary;
    }

    private static object? Plain(object? value) => value switch
    {
        PropertyBag bag => bag.ToDictionary(),
        List<object?> list => list.ConvertAll(Plain).ToArray(),
        _ => value,
    };

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var item in _items)
        {
            writer.WritePropertyName(item.Key);
            WriteValue(writer, item.Value);
        }
        writer.WriteEndObject();
    }

    private static object? FromJsonValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => FromJson(value),
        JsonValueKind.Array => FromJsonArray(value),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole : (object)value.GetDouble(),
        _ => null,
    };

    private static List<object?> FromJsonArray(JsonElement array)
    {
        var list = new List<object?>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray()) list.Add(FromJsonValue(item));
        return list;
    }

    private static object? Normalize(object? value) => value switch
    {
        null or string or bool or long or double or PropertyBag => value,
        int number => (long)number,
        JsonElement element => FromJsonValue(element),
        DateTimeOffset time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        DateTime time => new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        IDictionary<string, object?> dictionary => FromDictionary(dictionary),
        IEnumerable sequence => NormalizeList(sequence),
        _ => throw new ArgumentException($"A property bag cannot hold a {value.GetType().Name}."),
    };

    private static PropertyBag FromDictionary(IDictionary<string, object?> dictionary)
    {
        var bag = new PropertyBag();
        foreach (var pair in dictionary) bag.Set(pair.Key, pair.Value);
        return bag;
    }

    private static List<object?> NormalizeList(IEnumerable sequence)
    {
        var list = new List<object?>();
        foreach (var item in sequence) list.Add(Normalize(item));
        return list;
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case long number: writer.WriteNumberValue(number); break;
            case double number: writer.WriteNumberValue(number); break;
            case PropertyBag bag: bag.WriteTo(writer); break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default: throw new InvalidOperationException($"Unexpected value type {value.GetType().Name}.");
        }
    }
}
