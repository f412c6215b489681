using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// Streams a sync file: the header (with the sync's outcome) on open, then the sections in file order (resources,
/// entitlements, grants). Each section may be read or skipped, but only forwards. Memory stays flat in the size of
/// the file: one item at a time. A reader only ever reads a file <see cref="SyncFileHandle.Open"/> validated whole.
/// </summary>
public sealed class SyncFileReader : IDisposable
{
    internal static readonly string[] SectionOrder = { SyncFileFormat.Resources, SyncFileFormat.Entitlements, SyncFileFormat.Grants };
    private readonly JsonStreamCursor _cursor;
    private readonly Action? _onDispose;
    private string? _pendingProperty;
    private int _nextSection;
    private bool _inSection;
    private bool _disposed;

    internal SyncFileReader(string path, Stream stream, Action? onDispose)
    {
        Path = path;
        _onDispose = onDispose;
        _cursor = new JsonStreamCursor(stream, path, leaveOpen: true);
        try
        {
            (Header, Trailer) = ReadHeader();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Path { get; }

    public SyncFileHeader Header { get; }

    /// <summary>Warnings, completion time and statistics: what the sync says about how it went.</summary>
    public SyncFileTrailer Trailer { get; }

    /// <summary>
    /// Opens a sync file, validates it whole (<see cref="SyncFileHandle.Open"/>) and reads its header; the reader owns the
    /// file. Throws <see cref="SyncFileFormatException"/> for anything that is not one whole, valid sync file.
    /// </summary>
    public static SyncFileReader Open(string path)
    {
        var file = SyncFileHandle.Open(path);
        try
        {
            return file.Read(ownsFile: true);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public IEnumerable<Resource> ReadResources() => Items(SyncFileFormat.Resources, SyncFileJson.ReadResource);

    public IEnumerable<Entitlement> ReadEntitlements() => Items(SyncFileFormat.Entitlements, SyncFileJson.ReadEntitlement);

    public IEnumerable<Grant> ReadGrants() => Items(SyncFileFormat.Grants, SyncFileJson.ReadGrant);

    /// <summary>The sync's outcome; the same as <see cref="Trailer"/> (a version-2 file carries it in its header).</summary>
    public SyncFileTrailer ReadTrailer() => Trailer;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _cursor.Dispose();
        _onDispose?.Invoke();
    }

    /// <summary>Each item of a section with where it starts, converted by <paramref name="convert"/>.</summary>
    internal IEnumerable<(T Item, (long Line, long Position) At)> ReadSection<T>(string section, Func<JsonElement, T> convert)
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
                            yield return (Convert(itemAt, () => convert(root)), itemAt);
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
        if (index < _nextSection) throw new InvalidOperationException($"The \"{section}\" section was already passed; read the file again to read it.");
        return index;
    }

    /// <summary>Reads the name and the opening bracket of the next section; returns its name.</summary>
    private string EnterNextSection()
    {
        var expected = SectionOrder[_nextSection];
        var name = NextProperty();
        var sectionAt = _cursor.LastTokenStart;
        if (name != expected) throw _cursor.Error($"expected the \"{expected}\" section, found {Describe(name)}", sectionAt);
        if (_cursor.ReadToken(out _) != JsonTokenType.StartArray) throw _cursor.Error($"the \"{expected}\" section is not an array", sectionAt);
        _nextSection++;
        return expected;
    }

    /// <summary>
    /// After the last section: the end marker, naming this file's sync id, closes the document, and nothing but
    /// white space follows it.
    /// </summary>
    internal void ReadEnd()
    {
        while (_nextSection < SectionOrder.Length)
        {
            foreach (var _ in ReadSection(SectionOrder[_nextSection], element => element.ValueKind)) { }
        }
        var name = NextProperty();
        var at = _cursor.LastTokenStart;
        if (name != SyncFileFormat.End)
        {
            throw _cursor.Error(name is null
                ? "the file lacks its end marker (\"end\" after the grants): the sync that wrote it did not finish, or the file was edited"
                : $"expected the end marker (\"end\") after the grants, found \"{name}\"", at);
        }
        using (var end = _cursor.ReadValue(out var endAt))
        {
            var syncId = Convert(endAt, () => SyncFileJson.RequiredString(end.RootElement, "syncId", "the end marker"));
            if (!string.Equals(syncId, Header.SyncId, StringComparison.Ordinal))
            {
                throw _cursor.Error($"the end marker names sync {syncId} but the header names sync {Header.SyncId}: two files were joined", endAt);
            }
        }
        if (NextProperty() is string extra) throw _cursor.Error($"unexpected \"{extra}\" after the end marker", _cursor.LastTokenStart);
        if (_cursor.ReadToken(out _) != JsonTokenType.None) throw _cursor.Error("unexpected data after the end of the document", _cursor.LastTokenStart);
    }

    private (SyncFileHeader, SyncFileTrailer) ReadHeader()
    {
        if (_cursor.IsEmpty) throw _cursor.Error("the file is empty");
        JsonTokenType first;
        try
        {
            first = _cursor.ReadToken(out _);
        }
        catch (SyncFileFormatException) when (_cursor.HoldsOnlyWhiteSpace)
        {
            throw _cursor.Error("the file is empty (it holds only white space)", (1, 1));
        }
        if (first != JsonTokenType.StartObject)
        {
            throw _cursor.Error("it does not start with a JSON object", _cursor.LastTokenStart);
        }
        var firstProperty = NextProperty();
        var formatAt = _cursor.LastTokenStart;
        if (firstProperty != SyncFileFormat.FormatProperty || _cursor.ReadToken(out var format) != JsonTokenType.String || format != SyncFileFormat.Name)
        {
            throw _cursor.Error($"it is not an OktaBaton sync file (the first property must be \"format\": \"{SyncFileFormat.Name}\")", formatAt);
        }
        ReadVersion();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        string syncId = "", domain = "";
        DateTimeOffset startedAt = default, completedAt = default;
        DateTimeOffset? orgStartedAt = null;
        string? writer = null, refreshedFrom = null;
        var options = new PropertyBag();
        var resourceTypes = new List<ResourceTypeInfo>();
        var warnings = new List<SyncWarning>();
        SyncStats? stats = null;
        (long, long) sectionsAt = _cursor.Location;
        while (NextProperty() is string name)
        {
            var nameAt = _cursor.LastTokenStart;
            if (Array.IndexOf(SectionOrder, name) >= 0 || name == SyncFileFormat.End)
            {
                _pendingProperty = name;
                sectionsAt = nameAt;
                break;
            }
            if (!seen.Add(name)) throw _cursor.Error($"the header has \"{name}\" twice", nameAt);
            using var value = _cursor.ReadValue(out var at);
            var root = value.RootElement;
            Convert(at, () =>
            {
                switch (name)
                {
                    case "syncId": syncId = RequiredText(root, name); break;
                    case "startedAt": startedAt = ParseTime(root); break;
                    case "completedAt": completedAt = ParseTime(root); break;
                    case "orgStartedAt": orgStartedAt = ParseTime(root); break;
                    case "writer": writer = RequiredText(root, name); break;
                    case "refreshedFrom": refreshedFrom = RequiredText(root, name); break;
                    case "org": domain = SyncFileJson.RequiredString(root, "domain", "\"org\""); break;
                    case "options": options = PropertyBag.FromJson(RequiredKind(root, name, JsonValueKind.Object)); break;
                    case "resourceTypes":
                        foreach (var item in RequiredKind(root, name, JsonValueKind.Array).EnumerateArray()) resourceTypes.Add(SyncFileJson.ReadResourceType(item));
                        break;
                    case "warnings":
                        foreach (var item in RequiredKind(root, name, JsonValueKind.Array).EnumerateArray()) warnings.Add(SyncFileJson.ReadWarning(item));
                        break;
                    case "stats": stats = SyncFileJson.ReadStats(RequiredKind(root, name, JsonValueKind.Object)); break;
                }
                return 0;
            });
        }
        foreach (var required in SyncFileFormat.RequiredHeader)
        {
            if (seen.Contains(required)) continue;
            throw _cursor.Error(required == "completedAt"
                ? "the file lacks \"completedAt\": the sync that wrote it did not complete"
                : $"the header lacks \"{required}\"", sectionsAt);
        }
        var header = new SyncFileHeader(syncId, startedAt, domain, options, resourceTypes)
        {
            OrgStartedAt = orgStartedAt,
            Writer = writer,
            RefreshedFrom = refreshedFrom,
        };
        return (header, new SyncFileTrailer(completedAt, warnings, stats!));
    }

    /// <summary>The second property: this module's version, or a message that says what to do with another one.</summary>
    private void ReadVersion()
    {
        var name = NextProperty();
        var at = _cursor.LastTokenStart;
        if (name != SyncFileFormat.VersionProperty)
        {
            throw _cursor.Error($"the second property must be \"version\", found {Describe(name)}", at);
        }
        var token = _cursor.ReadToken(out var text);
        at = _cursor.LastTokenStart;
        var expected = SyncFileFormat.Version.ToString(CultureInfo.InvariantCulture);
        if (token == JsonTokenType.Number && text == expected) return;
        if (token != JsonTokenType.Number || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            var shown = token == JsonTokenType.String ? "the string \"" + text + "\"" : token == JsonTokenType.Number ? text : token.ToString();
            throw _cursor.Error($"its \"version\" is {shown}, not a whole number; this module reads version {expected}", at);
        }
        throw _cursor.Error(version < SyncFileFormat.Version
            ? $"it is a version-{version} sync file, written by an earlier OktaBaton; this module reads version {expected} only. Run Invoke-OktaSync again to write it anew"
            : $"it is a version-{version} sync file, written by a newer OktaBaton; this module reads version {expected}. Update the OktaBaton module to read it", at, version: version);
    }

    private IEnumerable<T> Items<T>(string section, Func<JsonElement, T> convert)
    {
        foreach (var (item, _) in ReadSection(section, convert)) yield return item;
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
        catch (InvalidOperationException ex) when (ex.InnerException is System.Text.DecoderFallbackException or ArgumentException)
        {
            throw _cursor.Error("a text value is not valid UTF-8 (was the file saved in another encoding?)", at, ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException or OverflowException)
        {
            throw _cursor.Error(ex.Message, at, ex);
        }
    }

    private static string Describe(string? property) => property is null ? "the end of the document" : "\"" + property + "\"";

    private static JsonElement RequiredKind(JsonElement element, string name, JsonValueKind kind) =>
        element.ValueKind == kind ? element : throw new InvalidOperationException($"\"{name}\" is {element.ValueKind}, expected {kind}");

    private static string RequiredText(JsonElement element, string name)
    {
        var text = RequiredKind(element, name, JsonValueKind.String).GetString();
        return string.IsNullOrEmpty(text) ? throw new InvalidOperationException($"\"{name}\" is empty") : text!;
    }

    private static DateTimeOffset ParseTime(JsonElement element) =>
        DateTimeOffset.Parse(element.ValueKind == JsonValueKind.String ? element.GetString()! : throw new FormatException("a time is not a string"),
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
