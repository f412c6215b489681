using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using OktaBaton.Core.IO;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// Writes a sync file atomically: every byte goes to temporary files beside the target (owner-only on Unix),
/// and <see cref="Complete"/> assembles them and renames the result over the target. Disposing without
/// completing deletes the temporary files and leaves any previous file untouched. Thread-safe.
/// </summary>
public sealed class SyncFileWriter : ISyncFileSink, IDisposable
{
    private readonly object _gate = new();
    private readonly SyncFileHeader _header;
    private readonly string _targetPath;
    private readonly string _tempPath;
    // lane 0 takes what the writer is given directly; every other lane lands after it, in opening order
    private readonly List<SyncFileLane> _lanes = new();
    private readonly SyncFileLane _own;
    private readonly string _stem;
    private bool _finished;

    private SyncFileWriter(string targetPath, SyncFileHeader header)
    {
        _targetPath = targetPath;
        _header = header;
        _stem = TemporaryFiles.StemFor(targetPath);
        _tempPath = _stem + ".tmp";
        _own = AddLane(_stem);
    }

    /// <summary>Starts a sync file at <paramref name="targetPath"/>; the directory must exist.</summary>
    public static SyncFileWriter Create(string targetPath, SyncFileHeader header)
    {
        if (string.IsNullOrWhiteSpace(targetPath)) throw new ArgumentException("A sync file path is required.", nameof(targetPath));
        if (header is null) throw new ArgumentNullException(nameof(header));
        if (string.IsNullOrEmpty(header.SyncId) || header.SyncId.Any(c => !(char.IsLetterOrDigit(c) && c < 128) && c != '-' && c != '_' && c != '.'))
        {
            throw new ArgumentException("A sync id is required, of letters, digits, '-', '_' and '.' only (it closes the file in its end marker).", nameof(header));
        }
        var fullPath = Path.GetFullPath(targetPath);
        var directory = Path.GetDirectoryName(fullPath);
        if (directory is null || !Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The directory of the sync file '{fullPath}' does not exist: create it first, or give another -Path.");
        }
        RequireReplaceableTarget(fullPath);
        TemporaryFiles.DeleteLeftBy(fullPath);
        return new SyncFileWriter(fullPath, header);
    }

    public string TargetPath => _targetPath;

    public long ResourceCount
    {
        get { lock (_gate) return _lanes.Sum(l => l.Resources.Count); }
    }

    public long EntitlementCount
    {
        get { lock (_gate) return _lanes.Sum(l => l.Entitlements.Count); }
    }

    public long GrantCount
    {
        get { lock (_gate) return _lanes.Sum(l => l.Grants.Count); }
    }

    /// <summary>Resource type → resources written so far.</summary>
    public IReadOnlyDictionary<string, long> ResourceCounts
    {
        get
        {
            lock (_gate)
            {
                var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
                foreach (var lane in _lanes)
                {
                    foreach (var pair in lane.ResourceCounts)
                    {
                        counts.TryGetValue(pair.Key, out var count);
                        counts[pair.Key] = count + pair.Value;
                    }
                }
                return counts;
            }
        }
    }

    /// <summary>
    /// A new lane: what it is given lands in the file after what this writer was given directly and after
    /// every lane opened before it, whatever the order the writes happen in.
    /// </summary>
    /// <param name="order">
    /// Whether the lane's items land in id order, whatever order they are written in (used for lists that a later
    /// refresh carries over instead of listing them again, so their order must not be Okta's).
    /// </param>
    public SyncFileLane OpenLane(LaneOrder order = LaneOrder.AsWritten)
    {
        lock (_gate)
        {
            ThrowIfFinished();
            return AddLane(_stem + ".lane" + _lanes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), order);
        }
    }

    private SyncFileLane AddLane(string prefix, LaneOrder order = LaneOrder.AsWritten)
    {
        var created = new List<ISpillSection>();
        try
        {
            created.Add(order == LaneOrder.AsWritten
                ? new SpillSection(prefix + ".resources.tmp")
                : new SortedSpillSection(prefix + ".resources.tmp", SyncFileItemKeys.ResourceKey));
            created.Add(order == LaneOrder.ById
                ? new SortedSpillSection(prefix + ".entitlements.tmp", SyncFileItemKeys.EntitlementKey)
                : new SpillSection(prefix + ".entitlements.tmp"));
            created.Add(order == LaneOrder.ById
                ? new SortedSpillSection(prefix + ".grants.tmp", SyncFileItemKeys.GrantKey)
                : new SpillSection(prefix + ".grants.tmp"));
        }
        catch
        {
            foreach (var section in created) DeleteQuietly(section);
            throw;
        }
        foreach (var section in created) TemporaryFiles.Add(section.Path);
        var lane = new SyncFileLane(_gate, () => _finished, created[0], created[1], created[2]);
        _lanes.Add(lane);
        return lane;
    }

    public void WriteResource(Resource resource) => _own.WriteResource(resource);

    public void WriteEntitlement(Entitlement entitlement) => _own.WriteEntitlement(entitlement);

    public void WriteGrant(Grant grant) => _own.WriteGrant(grant);

    public void WriteGrants(string entitlementId, string principalType, IReadOnlyList<string> principalIds) =>
        _own.WriteGrants(entitlementId, principalType, principalIds);

    /// <summary>Assembles the file and renames it into place; only then does the target change.</summary>
    public void Complete(SyncFileTrailer trailer, CancellationToken cancellationToken = default)
    {
        if (trailer is null) throw new ArgumentNullException(nameof(trailer));
        lock (_gate)
        {
            ThrowIfFinished();
            try
            {
                TemporaryFiles.Add(_tempPath);
                using (var output = OwnerOnlyFile.CreateNew(_tempPath))
                {
                    WriteEnvelope(output, trailer, cancellationToken);
                    output.Flush(true);
                }
                cancellationToken.ThrowIfCancellationRequested();
                DisposeSections();
                MoveIntoPlace();
                TemporaryFiles.Remove(_tempPath);
                _finished = true;
            }
            finally
            {
                if (!_finished) Abandon();
            }
        }
    }

    /// <summary>Deletes every temporary file unless the sync completed.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_finished) Abandon();
        }
    }

    private void WriteEnvelope(Stream output, SyncFileTrailer trailer, CancellationToken cancellationToken)
    {
        using var line = new MemoryStream();
        using var json = new Utf8JsonWriter(line, SyncFileJson.WriterOptions);

        void Raw(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            output.Write(bytes, 0, bytes.Length);
        }

        void Property(string name, Action<Utf8JsonWriter> writeValue, bool last = false)
        {
            line.SetLength(0);
            json.Reset(line);
            json.WriteStartObject();
            json.WritePropertyName(name);
            writeValue(json);
            json.WriteEndObject();
            json.Flush();
            // the value as a one-property object, minus its braces: "name":value
            output.Write(line.GetBuffer(), 1, (int)line.Length - 2);
            Raw(last ? "\n" : ",\n");
        }

        void Section(string name, Func<SyncFileLane, ISpillSection> ofLane)
        {
            Raw("\"" + name + "\":[\n");
            var written = false;
            foreach (var section in _lanes.Select(ofLane))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (section.Count == 0) continue;
                if (written) Raw(",\n");
                section.CopyTo(output);
                written = true;
            }
            Raw(written ? "\n],\n" : "],\n");
        }

        Raw("{\n");
        Property(SyncFileFormat.FormatProperty, w => w.WriteStringValue(SyncFileFormat.Name));
        Property(SyncFileFormat.VersionProperty, w => w.WriteNumberValue(SyncFileFormat.Version));
        Property("syncId", w => w.WriteStringValue(_header.SyncId));
        Property("startedAt", w => w.WriteStringValue(SyncFileJson.FormatTime(_header.StartedAt)));
        Property("completedAt", w => w.WriteStringValue(SyncFileJson.FormatTime(trailer.CompletedAt)));
        if (_header.OrgStartedAt is { } orgStartedAt) Property("orgStartedAt", w => w.WriteStringValue(SyncFileJson.FormatTime(orgStartedAt)));
        if (_header.Writer is { } writer) Property("writer", w => w.WriteStringValue(writer));
        if (_header.RefreshedFrom is { } refreshedFrom) Property("refreshedFrom", w => w.WriteStringValue(refreshedFrom));
        Property("org", w =>
        {
            w.WriteStartObject();
            w.WriteString("domain", _header.Domain);
            w.WriteEndObject();
        });
        Property("options", w => _header.Options.WriteTo(w));
        Property("resourceTypes", w =>
        {
            w.WriteStartArray();
            foreach (var type in _header.ResourceTypes) SyncFileJson.WriteResourceType(w, type);
            w.WriteEndArray();
        });
        Property("warnings", w =>
        {
            w.WriteStartArray();
            foreach (var warning in trailer.Warnings) SyncFileJson.WriteWarning(w, warning);
            w.WriteEndArray();
        });
        Property("stats", w => SyncFileJson.WriteStats(w, trailer.Stats));
        Section(SyncFileFormat.Resources, l => l.Resources);
        Section(SyncFileFormat.Entitlements, l => l.Entitlements);
        Section(SyncFileFormat.Grants, l => l.Grants);
        // last, so a reader finds in the file's final bytes whether it is whole (SyncFileEnds)
        Property(SyncFileFormat.End, w =>
        {
            w.WriteStartObject();
            w.WriteString("syncId", _header.SyncId);
            w.WriteEndObject();
        }, last: true);
        Raw("}\n");
    }

    /// <summary>
    /// The target may be missing or a regular file, nothing else: renaming over a symbolic link, FIFO or device would
    /// replace it with a regular file (as root, -Path /dev/null would replace the system's).
    /// </summary>
    private static void RequireReplaceableTarget(string fullPath)
    {
        var kind = FileKinds.Of(fullPath);
        if (kind is FileKind.Missing or FileKind.RegularFile) return;
        throw new OktaOperationException("OktaSyncFilePathInvalid", OktaFailureKind.InvalidArgument,
            $"'{fullPath}' is {FileKinds.Describe(kind)}; Invoke-OktaSync writes only a new file or replaces a regular file. Give the path of a sync file{(kind == FileKind.SymbolicLink ? " (the link's target itself, if that is the file meant)" : "")}.");
    }

    private void MoveIntoPlace()
    {
        // checked again at the last moment: the path may have become something else while the sync ran
        RequireReplaceableTarget(_targetPath);
        if (File.Exists(_targetPath))
        {
            // rename(2) on Unix: atomic, and readers of the old file keep their handle
            File.Replace(_tempPath, _targetPath, null);
        }
        else
        {
            File.Move(_tempPath, _targetPath);
        }
    }

    private void ThrowIfFinished()
    {
        if (_finished) throw new InvalidOperationException("The sync file is already complete.");
    }

    private void DisposeSections()
    {
        foreach (var section in _lanes.SelectMany(l => l.Sections())) DeleteQuietly(section);
    }

    private void Abandon()
    {
        DisposeSections();
        try { File.Delete(_tempPath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        TemporaryFiles.Remove(_tempPath);
        _finished = true;
    }

    private static void DeleteQuietly(ISpillSection section)
    {
        section.Dispose();
        try { File.Delete(section.Path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        TemporaryFiles.Remove(section.Path);
    }
}
