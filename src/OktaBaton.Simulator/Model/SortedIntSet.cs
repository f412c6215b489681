namespace OktaBaton.Simulator.Model;

/// <summary>A compact sorted set of entity indexes, pageable by "after" in O(log n + page).</summary>
internal sealed class SortedIntSet
{
    private readonly List<int> _items;

    public SortedIntSet(int capacity = 0) => _items = new List<int>(capacity);

    public int Count => _items.Count;

    public IReadOnlyList<int> Items => _items;

    public bool Contains(int value) => _items.BinarySearch(value) >= 0;

    public bool Add(int value)
    {
        var at = _items.BinarySearch(value);
        if (at >= 0)
        {
            return false;
        }
        _items.Insert(~at, value);
        return true;
    }

    /// <summary>Adds values known to arrive in increasing order (bulk seeding).</summary>
    public void AppendSorted(int value)
    {
        if (_items.Count > 0 && _items[^1] >= value)
        {
            Add(value);
            return;
        }
        _items.Add(value);
    }

    public bool Remove(int value)
    {
        var at = _items.BinarySearch(value);
        if (at < 0)
        {
            return false;
        }
        _items.RemoveAt(at);
        return true;
    }

    /// <summary>Position of the first item greater than <paramref name="after"/> (or 0 when null).</summary>
    public int StartAfter(int? after)
    {
        if (after is null)
        {
            return 0;
        }
        var at = _items.BinarySearch(after.Value);
        return at >= 0 ? at + 1 : ~at;
    }
}
