using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// Streams a sync file: the header on open, then the sections in file order (resources, entitlements,
/// grants), then the trailer. Each section may be read or skipped, but only forwards. Memory stays flat
/// in the size of the file: one item at a time.
/// </summary>
public sealed class SyncFileReader : IDisposable
{
    private static readonly string[] SectionOrder = { "resources", "entitlements", "grants" };
    private readonly JsonStreamCursor _cursor;
    private string? _pendingProperty;
    private int _nextSection;
    private bool _inSection;
    private SyncFileTrailer? _trailer;

    private SyncFileReader(string path, JsonStreamCursor cursor)
    {
        Path = path;
        _cursor = cursor;
        Header = ReadHeader();
    }

    public string Path { get; }

    public SyncFileHeader Header { get; }

    /// <summary>Opens a sync file and reads its header. Throws <see cref="SyncFileFormatException"/> for anything that is not one.</summary>
    public static SyncFileReader Open(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A sync file path is required.", nameof(path));
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath)) throw new FileNotFoundException($"The sync file '{fullPath}' does not exist.", fullPath);
        var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        var cursor = new JsonStreamCursor(stream, fullPath);
        try
        {
            return new SyncFileReader(fullPath, cursor);
        }
        catch
        {
            cursor.Dispose();
            throw;
        }
    }

    public IEnumerable<Resource> ReadResources() => ReadSection("resources", SyncFileJson.ReadResource);

    public IEnumerable<Entitlement> ReadEntitlements() => ReadSection("entitlements", SyncFileJson.ReadEntitlement);

    public IEnumerable<Grant> ReadGrants() => ReadSection("grants", SyncFileJson.ReadGrant);

    /// <summary>Warnings, completion time and stats; skips whatever sections were not read.</summary>
    public SyncFileTrailer ReadTrailer()
    {
        if (_trailer is not null) return _trailer;
        while (_nextSection < SectionOrder.Length)
        {
            foreach (var _ in ReadSection(SectionOrder[_nextSection], element => element.ValueKind)) { }
        }
        var warnings = new List<SyncWarning>();
        DateTimeOffset? completedAt = null;
        SyncStats? stats = null;
        while (NextProperty() is string name)
        {
            using var value = _cursor.ReadValue(out var at);
            Convert(at, () =>
            {
                switch (name)
                {
                    case "warnings":
                        foreach (var item in value.RootElement.EnumerateArray()) warnings.Add(SyncFileJson.ReadWarning(item));
                        break;
                    case "completedAt":
                        completedAt = ParseTime(value.RootElement);
                        break;
                    case "stats":
                        stats = SyncFileJson.ReadStats(value.RootElement);
                        break;
                }
                return 0;
            });
        }
        if (_cursor.ReadToken(out _) != JsonTokenType.None) throw _cursor.Error("unexpected data after the end of the document");
        if (completedAt is null) throw _cursor.Error("the file lacks \"completedAt\": the sync that wrote it did not complete");
        _trailer = new SyncFileTrailer(completedAt.Value, warnings,
            stats ?? new SyncStats(0, 0, 0, new Dictionary<string, long>(), 0, 0));
        return _trailer;
    }

    public void Dispose() => _cursor.Dispose();

    private SyncFileHeader ReadHeader()
    {
        if (_cursor.IsEmpty) throw _cursor.Error("the file is empty");
        if (_cursor.ReadToken(out _) != JsonTokenType.StartObject)
        {
            throw _cursor.Error("it does not start with a JSON object", _cursor.LastTokenStart);
        }
        var first = NextProperty();
        var formatAt = _cursor.LastTokenStart;
        if (first != "format" || _cursor.ReadToken(out var format) != JsonTokenType.String || format != SyncFileFormat.Name)
        {
            throw _cursor.Error($"it is not an OktaBaton sync file (the first property must be \"format\": \"{SyncFileFormat.Name}\")", formatAt);
        }
        var second = NextProperty();
        var versionAt = _cursor.LastTokenStart;
        string? version = null;
        if (second != "version" || _cursor.ReadToken(out version) != JsonTokenType.Number
            || version != SyncFileFormat.Version.ToString(CultureInfo.InvariantCulture))
        {
            throw _cursor.Error($"its version is {version ?? "missing"}; this module reads version {SyncFileFormat.Version}", versionAt);
        }

        string syncId = "", domain = "";
        DateTimeOffset startedAt = default;
        var options = new PropertyBag();
        var resourceTypes = new List<ResourceTypeInfo>();
        while (NextProperty() is string name)
        {
            if (Array.IndexOf(SectionOrder, name) >= 0)
            {
                _pendingProperty = name;
                break;
            }
            using var value = _cursor.ReadValue(out var at);
            var root = value.RootElement;
            Convert(at, () =>
            {
                switch (name)
                {
                    case "syncId": syncId = root.GetString() ?? ""; break;
                    case "startedAt": startedAt = ParseTime(root); break;
                    case "org": domain = SyncFileJson.OptionalString(root, "domain") ?? ""; break;
                    case "options": options = PropertyBag.FromJson(root); break;
                    case "resourceTypes":
                        foreach (var item in root.EnumerateArray()) resourceTypes.Add(SyncFileJson.ReadResourceType(item));
                        break;
                }
                return 0;
            });
        }
        return new SyncFileHeader(syncId, startedAt, domain, options, resourceTypes);
    }

    /// <summary>
    /// Hands every item of <paramref name="section"/> to <paramref name="visit"/> as its raw bytes and byte offset in the
    /// file, unparsed (each is checked to be well-formed JSON); skips the sections before it.
    /// </summary>
    internal void ScanSection(string section, RawItemVisitor visit)
    {
        var index = SectionIndex(section);
        _inSection = true;
        try
        {
            while (_nextSection <= index)
            {
                var wanted = EnterNextSection() == section;
                while (_cursor.ReadRawArrayItem(out var item, out var offset))
                {
                    if (wanted) visit(item, offset);
                }
            }
        }
        finally
        {
            _inSection = false;
        }
    }

    internal delegate void RawItemVisitor(ReadOnlySpan<byte> item, long offset);

    private int SectionIndex(string section)
    {
        var index = Array.IndexOf(SectionOrder, section);
        if (_inSection) throw new InvalidOperationException("Finish reading the previous section first.");
        if (index < _nextSection) throw new InvalidOperationException($"The \"{section}\" section was already passed; open the file again to read it.");
        return index;
    }

    /// <summary>Reads the name and the opening bracket of the next section; returns its name.</summary>
    private string EnterNextSection()
    {
        var expected = SectionOrder[_nextSection];
        var name = NextProperty();
        var sectionAt = _cursor.LastTokenStart;
        if (name != expected) throw _cursor.Error($"expected the \"{expected}\" section, found {(name is null ? "the end of the document" : "\"" + name + "\"")}", sectionAt);
        if (_cursor.ReadToken(out _) != JsonTokenType.StartArray) throw _cursor.Error($"the \"{expected}\" section is not an array", sectionAt);
        _nextSection++;
        return expected;
    }

    private IEnumerable<T> ReadSection<T>(string section, Func<JsonElement, T> convert)
    {
        var index = SectionIndex(section);
        _inSection = true;
        try
        {
            while (_nextSection <= index)
            {
                var wanted = EnterNextSection() == section;
                while (_cursor.ReadArrayItem(out var itemAt) is JsonDocument item)
                {
                    using (item)
                    {
                        if (wanted)
                        {
                            var root = item.RootElement;
                            yield return Convert(itemAt, () => convert(root));
                        }
                    }
                }
            }
        }
        finally
        {
            _inSection = false;
        }
    }

    private string? NextProperty()
    {
        if (_pendingProperty is not null)
        {
            var pending = _pendingProperty;
            _pendingProperty = null;
            return pending;
        }
        var token = _cursor.ReadToken(out var name);
        var at = _cursor.LastTokenStart;
        return token switch
        {
            JsonTokenType.PropertyName => name,
            JsonTokenType.EndObject => null,
            JsonTokenType.None => throw _cursor.Error("the file ends before the document does (truncated?)", at),
            _ => throw _cursor.Error($"unexpected {token} where a property was expected", at),
        };
    }

    private T Convert<T>((long Line, long Position) at, Func<T> convert)
    {
        try
        {
            return convert();
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException)
        {
            throw _cursor.Error(ex.Message, at, ex);
        }
    }

    private static DateTimeOffset ParseTime(JsonElement element) =>
        DateTimeOffset.Parse(element.GetString() ?? throw new FormatException("a time is not a string"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
