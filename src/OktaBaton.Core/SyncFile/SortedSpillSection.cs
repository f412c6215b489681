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

    /// <summary>An item already serialized by this module (carried over from an earlier sync file).</summary>
    public void AddRaw(ReadOnlySpan<byte> item, string key)
    {
        var start = _run.Count;
        _run.Write(item);
        Collect(key, start);
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

    private void Collect(string key, int start)
    {
        if (_inOrder && _entries.Count == 0 && _lastKey is not null && string.CompareOrdinal(key, _lastKey) < 0) _inOrder = false;
        if (_inOrder && _entries.Count > 0 && string.CompareOrdinal(key, _entries[_entries.Count - 1].Key) < 0) _inOrder = false;
        _entries.Add(new Entry(key, start, _run.Count - start, _entries.Count));
        Count++;
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
        for (var i = 0; i < _entries.Count; i++)
        {
            if (i > 0) _stream.Write(Separator, 0, Separator.Length);
            _stream.Write(bytes, _entries[i].Start, _entries[i].Length);
        }
        _runs.Add(new RunRange(start, _stream.Position - start));
        _lastKey = _entries[_entries.Count - 1].Key;
        _entries.Clear();
        _run.Clear();
    }

    private void Merge(Stream destination)
    {
        var readers = new List<ItemLineReader>();
        foreach (var run in _runs)
        {
            var reader = new ItemLineReader(_stream, run.Start, run.Length);
            if (reader.Advance()) readers.Add(reader);
        }
        var first = true;
        while (readers.Count > 0)
        {
            // runs are few (one per few megabytes), so a scan finds the smallest head as fast as a heap would
            var smallest = 0;
            for (var i = 1; i < readers.Count; i++)
            {
                if (string.CompareOrdinal(KeyOf(readers[i]), KeyOf(readers[smallest])) < 0) smallest = i;
            }
            if (!first) destination.Write(Separator, 0, Separator.Length);
            first = false;
            readers[smallest].WriteItem(destination);
            if (!readers[smallest].Advance()) readers.RemoveAt(smallest);
        }
    }

    private string KeyOf(ItemLineReader reader) =>
        reader.Key ??= _keyOf(reader.Item) ?? throw new InvalidDataException("A spilled item of a sorted sync file section has no key.");

    private readonly struct Entry
    {
        public Entry(string key, int start, int length, int arrival)
        {
            Key = key;
            Start = start;
            Length = length;
            Arrival = arrival;
        }

        public string Key { get; }

        public int Start { get; }

        public int Length { get; }

        public int Arrival { get; }
    }

    private readonly struct RunRange
    {
        public RunRange(long start, long length)
        {
            Start = start;
            Length = length;
        }

        public long Start { get; }

        public long Length { get; }
    }
}
