using System;
using System.Collections.Generic;
using System.IO;

namespace OktaBaton.Core.SyncFile;

/// <summary>A sorted run's items (see <see cref="SortedSpillSection"/>) with their keys: from the run's segments where it has them, else read from each item.</summary>
internal sealed class SortedRunReader
{
    private readonly List<SortedRunSegment>? _segments;
    private readonly Func<ReadOnlyMemory<byte>, string?> _keyOf;
    private int _segment = -1;
    private long _leftInSegment;

    public SortedRunReader(ItemLineReader items, List<SortedRunSegment>? segments, Func<ReadOnlyMemory<byte>, string?> keyOf)
    {
        Items = items;
        _segments = segments;
        _keyOf = keyOf;
    }

    public ItemLineReader Items { get; }

    public string Key { get; private set; } = string.Empty;

    public bool Advance()
    {
        if (!Items.Advance()) return false;
        if (_segments is null)
        {
            Key = _keyOf(Items.Item) ?? throw new InvalidDataException("A spilled item of a sorted sync file section has no key.");
            return true;
        }
        if (_leftInSegment == 0)
        {
            _segment++;
            if (_segment >= _segments.Count) throw new InvalidDataException("A sorted run holds more items than its keys account for.");
            _leftInSegment = _segments[_segment].Count;
            Key = _segments[_segment].Key;
        }
        _leftInSegment--;
        return true;
    }
}

/// <summary>A key of a sorted run and how many items in a row carry it.</summary>
internal readonly struct SortedRunSegment
{
    public SortedRunSegment(string key, long count)
    {
        Key = key;
        Count = count;
    }

    public string Key { get; }

    public long Count { get; }
}
