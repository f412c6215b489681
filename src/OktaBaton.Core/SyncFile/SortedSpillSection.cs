using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// A section whose items land in the file in the ordinal order of a key, whatever order they were written in:
/// items collect in runs of a few megabytes that are sorted in memory and spilled to a temporary file, and
/// <see cref="CopyTo"/> merges the runs. Memory stays flat however many items there are; items that arrive in order
/// are never merged, only copied.
/// </summary>
internal sealed class SortedSpillSection : ISpillSection
{
    private const int DefaultRunBytes = 4 << 20;
    private static readonly byte[] Separator = { (byte)',', (byte)'\n' };
    private readonly FileStream _stream;
    private readonly Func<ReadOnlyMemory<byte>, string?> _keyOf;
    private readonly int _runBytes;
    private readonly SpillBuffer _run;
    private SpillBuffer? _sorted;
    private readonly Utf8JsonWriter _writer;
    private readonly List<Entry> _entries = new();
    private readonly List<RunRange> _runs = new();
    private string? _lastKey;
    private bool _inOrder = true;

    /// <param name="keyOf">The key of a spilled item, read back from its bytes when runs are merged.</param>
    /// <param name="runBytes">How many bytes of items are sorted in memory at once.</param>
    public SortedSpillSection(string path, Func<ReadOnlyMemory<byte>, string?> keyOf, int runBytes = DefaultRunBytes)
    {
        Path = path;
        _keyOf = keyOf;
        _runBytes = runBytes;
        _run = new SpillBuffer(runBytes + 64 * 1024);
        _stream = OwnerOnlyFile.CreateNew(path, bufferSize: 1);
        _writer = new Utf8JsonWriter(_run, SyncFileJson.WriterOptions);
    }

    public string Path { get; }

    public long Count { get; private set; }

    public void Add(Action<Utf8JsonWriter> writeItem, string key)
    {
        var start = _run.Count;
        writeItem(_writer);
        _writer.Flush();
        _writer.Reset();
        Collect(key, start);
    }

    /// <summary>Copied straight to the spill file as one run of their own.</summary>
    public void AddFrom(Stream source, long length, long count, string firstKey, string lastKey)
    {
        if (count == 0) return;
        if (firstKey == lastKey && length <= _runBytes)
        {
            // the items of one key (one group's members) sort as one entry: a refresh's carried blocks, whatever their
            // order, then make few runs, not one each
            var at = _run.Count;
            _run.GetSpan((int)length);
            for (var read = 0; read < length;)
            {
                var got = source.Read(_run.Written, at + read, (int)length - read);
                if (got == 0) throw new EndOfStreamException("The earlier sync file ended inside the items being carried over.");
                read += got;
            }
            _run.Advance((int)length);
            Collect(firstKey, at, count);
            return;
        }
        SpillRun();
        if (_lastKey is not null && string.CompareOrdinal(firstKey, _lastKey) < 0) _inOrder = false;
        if (_runs.Count > 0) _stream.Write(Separator, 0, Separator.Length);
        var start = _stream.Position;
        var chunk = new byte[(int)Math.Min(length, 81920)];
        for (var left = length; left > 0;)
        {
            var read = source.Read(chunk, 0, (int)Math.Min(left, chunk.Length));
            if (read == 0) throw new EndOfStreamException("The earlier sync file ended inside the items being carried over.");
            _stream.Write(chunk, 0, read);
            left -= read;
        }
        _runs.Add(new RunRange(start, length));
        _lastKey = lastKey;
        Count += count;
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    public void AddGrants(string entitlementId, string principalType, IReadOnlyList<string> principalIds, string key)
    {
        // the grants of one call share their key and keep their order: they sort as one entry (a group's members are
        // one entry, not one each), split only where the run is full
        var start = _run.Count;
        var count = 0;
        for (var i = 0; i < principalIds.Count; i++)
        {
            if (count > 0) _run.Write(Separator);
            SyncFileJson.WriteGrant(_writer, entitlementId, principalType, principalIds[i], Array.Empty<string>());
            _writer.Flush();
            _writer.Reset();
            count++;
            if (_run.Count >= _runBytes)
            {
                Collect(key, start, count);
                start = _run.Count;
                count = 0;
            }
        }
        if (count > 0) Collect(key, start, count);
    }

    public void CopyTo(Stream destination)
    {
        SpillRun();
        _stream.Flush();
        if (_inOrder || _runs.Count <= 1)
        {
            _stream.Position = 0;
            _stream.CopyTo(destination, 81920);
            return;
        }
        Merge(destination);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }

    private void Collect(string key, int start, long count = 1)
    {
        if (_inOrder && _entries.Count == 0 && _lastKey is not null && string.CompareOrdinal(key, _lastKey) < 0) _inOrder = false;
        if (_inOrder && _entries.Count > 0 && string.CompareOrdinal(key, _entries[_entries.Count - 1].Key) < 0) _inOrder = false;
        _entries.Add(new Entry(key, start, _run.Count - start, _entries.Count, count));
        Count += count;
        if (_run.Count >= _runBytes) SpillRun();
    }

    /// <summary>Writes the collected items to the file as one sorted run (separated as the file separates items).</summary>
    private void SpillRun()
    {
        if (_entries.Count == 0) return;
        _entries.Sort(static (a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : a.Arrival.CompareTo(b.Arrival);
        });
        var bytes = _run.Written;
        if (_runs.Count > 0) _stream.Write(Separator, 0, Separator.Length);
        var start = _stream.Position;
        // the spill file is unbuffered: the sorted run goes to it in one write, not two an entry
        _sorted ??= new SpillBuffer(_run.Count + 64 * 1024);
        for (var i = 0; i < _entries.Count; i++)
        {
            if (i > 0) _sorted.Write(Separator);
            _sorted.Write(bytes.AsSpan(_entries[i].Start, _entries[i].Length));
        }
        _sorted.MoveTo(_stream);
        _runs.Add(new RunRange(start, _stream.Position - start, Segments(_entries)));
        _lastKey = _entries[_entries.Count - 1].Key;
        _entries.Clear();
        _run.Clear();
    }

    /// <summary>
    /// The sorted run's keys, each with how many items in a row carry it, so the merge need not read a key back from
    /// every item — kept only where keys are few (a group's members), not one an item (users), which would hold a key
    /// per item in memory.
    /// </summary>
    private static List<SortedRunSegment>? Segments(List<Entry> sorted)
    {
        long items = 0;
        var segments = new List<SortedRunSegment>();
        foreach (var entry in sorted)
        {
            items += entry.Count;
            if (segments.Count > 0 && string.Equals(segments[segments.Count - 1].Key, entry.Key, StringComparison.Ordinal))
            {
                segments[segments.Count - 1] = new SortedRunSegment(entry.Key, segments[segments.Count - 1].Count + entry.Count);
            }
            else
            {
                segments.Add(new SortedRunSegment(entry.Key, entry.Count));
            }
        }
        return segments.Count * 8L <= items ? segments : null;
    }

    private void Merge(Stream destination)
    {
        var readers = new List<SortedRunReader>();
        foreach (var run in _runs)
        {
            var reader = new SortedRunReader(new ItemLineReader(_stream, run.Start, run.Length), run.Segments, _keyOf);
            if (reader.Advance()) readers.Add(reader);
        }
        var first = true;
        while (readers.Count > 0)
        {
            // runs are few (one per few megabytes), so a scan finds the smallest head as fast as a heap would; on a tie
            // the earlier run goes first
            var smallest = 0;
            for (var i = 1; i < readers.Count; i++)
            {
                if (string.CompareOrdinal(readers[i].Key, readers[smallest].Key) < 0) smallest = i;
            }
            // the run's items of that key follow each other: write them all before looking at the other runs again
            var reader = readers[smallest];
            var key = reader.Key;
            do
            {
                if (!first) destination.Write(Separator, 0, Separator.Length);
                first = false;
                reader.Items.WriteItem(destination);
                if (!reader.Advance())
                {
                    readers.RemoveAt(smallest);
                    break;
                }
            }
            while (string.Equals(reader.Key, key, StringComparison.Ordinal));
        }
    }

    private readonly struct Entry
    {
        public Entry(string key, int start, int length, int arrival, long count)
        {
            Key = key;
            Start = start;
            Length = length;
            Arrival = arrival;
            Count = count;
        }

        public string Key { get; }

        public int Start { get; }

        public int Length { get; }

        public int Arrival { get; }

        /// <summary>How many items the entry's bytes hold (one, or a block of one key).</summary>
        public long Count { get; }
    }

    private readonly struct RunRange
    {
        public RunRange(long start, long length, List<SortedRunSegment>? segments = null)
        {
            Start = start;
            Length = length;
            Segments = segments;
        }

        /// <summary>The run's keys in order with their item counts, when they were kept (see <see cref="SortedSpillSection.Segments"/>).</summary>
        public List<SortedRunSegment>? Segments { get; }

        public long Start { get; }

        public long Length { get; }
    }
}
