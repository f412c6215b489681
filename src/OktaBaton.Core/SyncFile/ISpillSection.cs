using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// One array section of a lane, spilled to its own temporary file until the file is assembled. Every item comes with
/// its key (the id of the resource it belongs to): a section in key order (<see cref="SortedSpillSection"/>) sorts by
/// it, one in written order (<see cref="SpillSection"/>) ignores it.
/// </summary>
internal interface ISpillSection : IDisposable
{
    string Path { get; }

    long Count { get; }

    void Add(Action<Utf8JsonWriter> writeItem, string key);

    /// <summary>One grant per principal id, all of one entitlement (whose resource is <paramref name="key"/>) and principal type, none expandable.</summary>
    void AddGrants(string entitlementId, string principalType, IReadOnlyList<string> principalIds, string key);

    /// <summary>
    /// <paramref name="count"/> items already serialized by this module, in key order from <paramref name="firstKey"/> to
    /// <paramref name="lastKey"/> and separated as sections separate them (carried over from an earlier sync file):
    /// <paramref name="length"/> bytes copied from <paramref name="source"/>'s current position.
    /// </summary>
    void AddFrom(Stream source, long length, long count, string firstKey, string lastKey);

    /// <summary>Appends the section's items, separated, to the file being assembled.</summary>
    void CopyTo(Stream destination);
}
