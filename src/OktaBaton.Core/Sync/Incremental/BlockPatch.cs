using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using OktaBaton.Core.Model;
using OktaBaton.Core.SyncFile;

namespace OktaBaton.Core.Sync.Incremental;

/// <summary>
/// A block of the earlier file's grants whose grants to users are in user id order (a group's members, an app's direct
/// users, then its other grants), with the users the log names changed: a user mapped to true holds the entitlement,
/// one mapped to false does not, every other grant is as it was. <see cref="Count"/> reads the block to count the
/// result (so a syncer can check it against Okta before writing); <see cref="WriteTo"/> copies the unchanged runs byte for
/// byte and writes a new grant as a full sync writes it.
/// </summary>
internal sealed class BlockPatch
{
    private static readonly byte[] UserType = Encoding.UTF8.GetBytes(ResourceTypes.User);
    private static readonly byte[] PlainEnd = Encoding.UTF8.GetBytes("\"}}");
    private readonly PreviousSyncFile _previous;
    private readonly GrantBlock? _block;
    private readonly List<(byte[] Id, string Text, bool Holds)> _changes;

    private BlockPatch(PreviousSyncFile previous, GrantBlock? block, List<(byte[] Id, string Text, bool Holds)> changes)
    {
        _previous = previous;
        _block = block;
        _changes = changes;
    }

    public static BlockPatch Plan(PreviousSyncFile previous, GrantBlock? block, SortedDictionary<string, bool> holds) =>
        // ids are ASCII (Okta's are [0-9A-Za-z]), so byte order is the ordinal order the grants were sorted in
        new(previous, block, holds.Select(pair => (Id: Encoding.UTF8.GetBytes(pair.Key), Text: pair.Key, Holds: pair.Value)).ToList());

    /// <summary>How many grants to users, and other grants, the patched block holds (one read of the block).</summary>
    public (long Users, long Others) Count()
    {
        long users = 0, others = 0;
        var present = new bool[_changes.Count];
        Walk((_, _, userId) =>
        {
            if (userId is null)
            {
                others++;
                return;
            }
            users++;
            var at = IndexOf(userId);
            if (at >= 0) present[at] = true;
        });
        for (var i = 0; i < _changes.Count; i++)
        {
            if (_changes[i].Holds && !present[i]) users++;
            else if (!_changes[i].Holds && present[i]) users--;
        }
        return (users, others);
    }

    public void WriteTo(SyncFileLane lane, string entitlementId)
    {
        using var source = _previous.OpenRead();
        long runStart = -1, runEnd = -1, runCount = 0;
        var next = 0;
        void Flush()
        {
            if (runCount == 0) return;
            source.Position = runStart;
            lane.CarryGrants(source, runEnd - runStart, runCount, SyncFileItemKeys.ResourceOf(entitlementId));
            runCount = 0;
        }
        void Insert(string userId)
        {
            Flush();
            lane.WriteGrants(entitlementId, ResourceTypes.User, new[] { userId });
        }
        void InsertBefore(byte[]? userId)
        {
            while (next < _changes.Count && (userId is null || Compare(_changes[next].Id, userId) < 0))
            {
                if (_changes[next].Holds) Insert(_changes[next].Text);
                next++;
            }
        }
        var usersDone = false;
        Walk((offset, length, userId) =>
        {
            if (userId is null && !usersDone)
            {
                // the users end where the other grants begin
                usersDone = true;
                InsertBefore(null);
            }
            if (userId is not null)
            {
                InsertBefore(userId);
                if (next < _changes.Count && Compare(_changes[next].Id, userId) == 0)
                {
                    Flush();
                    if (_changes[next].Holds) Insert(_changes[next].Text);
                    next++;
                    return;
                }
            }
            if (runCount > 0 && offset != runEnd + 2) Flush();
            if (runCount == 0) runStart = offset;
            runEnd = offset + length;
            runCount++;
        });
        InsertBefore(null);
        Flush();
    }

    private delegate void LineVisitor(long offset, int length, byte[]? userId);

    /// <summary>Each grant of the block: where it lies, and the id of its user when it is a plain grant to a user.</summary>
    private void Walk(LineVisitor visit)
    {
        if (_block is null || _block.Count == 0) return;
        using var source = _previous.OpenRead();
        var lines = new ItemLineReader(source, _block.Start, _block.End - _block.Start);
        while (lines.Advance())
        {
            var item = lines.Item.Span;
            byte[]? userId = null;
            // a plain grant to a user ends with its principal ({…"resource":"00u…"}}); an expandable, scoped or
            // inherited one ends with a list (…]}})
            if (item.EndsWith(PlainEnd) && SyncFileItemKeys.TryReadGrantBytes(item, out _, out var type, out var principal) && type.SequenceEqual(UserType))
            {
                userId = principal.ToArray();
            }
            visit(lines.ItemOffset, item.Length, userId);
        }
    }

    private int IndexOf(byte[] userId)
    {
        int low = 0, high = _changes.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var order = Compare(_changes[middle].Id, userId);
            if (order == 0) return middle;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return -1;
    }

    private static int Compare(byte[] a, byte[] b) => ((ReadOnlySpan<byte>)a).SequenceCompareTo(b);
}
