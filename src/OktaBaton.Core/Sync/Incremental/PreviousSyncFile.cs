using System;
using System.Collections.Generic;
using System.IO;
using OktaBaton.Core.IO;
using OktaBaton.Core.Model;
using OktaBaton.Core.SyncFile;

namespace OktaBaton.Core.Sync.Incremental;

/// <summary>
/// The sync file a refresh starts from, read once up front: its header and trailer, where each resource type's
/// resources lie, and where each block of grants lies (a block is what one syncer writes from one fetch: the grants of
/// one entitlement, or those one principal holds through admin roles). Syncers then copy unchanged blocks byte for
/// byte. Only a file in this module's exact layout is accepted: items one per line, separated by ",\n".
/// </summary>
internal sealed class PreviousSyncFile : IDisposable
{
    private readonly FileStream _file;
    private readonly object _gate = new();
    private readonly Dictionary<string, ResourceRange> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _resourceIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GrantBlock> _byEntitlement = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GrantBlock> _byHolder = new(StringComparer.Ordinal);

    private PreviousSyncFile(string path, FileStream file, SyncFileHeader header)
    {
        Path = path;
        _file = file;
        Header = header;
    }

    public string Path { get; }

    public SyncFileHeader Header { get; }

    public SyncFileTrailer Trailer { get; private set; } = null!;

    /// <summary>
    /// Reads <paramref name="path"/>. Grants to a principal in <paramref name="gone"/> (users and groups Okta no longer
    /// has) mark their block, so it is fetched again rather than carried. Grants of the entitlement types in
    /// <paramref name="heldPerPrincipal"/> are indexed by the principal holding them; all others by entitlement.
    /// Throws <see cref="SyncFileFormatException"/> for a file that is not whole or not a sync file, and
    /// <see cref="FullSyncNeededException"/> for one not in this module's layout.
    /// </summary>
    public static PreviousSyncFile Open(string path, IReadOnlyCollection<ResourceId> gone, IReadOnlyCollection<string> heldPerPrincipal)
    {
        var fullPath = RegularFile(path);
        // FileShare.Delete lets an in-place refresh rename the new file over this one while it is still open
        var file = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, FileOptions.SequentialScan);
        PreviousSyncFile? previous = null;
        try
        {
            SyncFileEnds.CheckEncoding(file, fullPath);
            using var reader = new SyncFileReader(fullPath, file, null);
            // cheap first: a file cut short or never finished fails on its last bytes
            SyncFileEnds.CheckEndMarker(file, fullPath);
            previous = new PreviousSyncFile(fullPath, file, reader.Header) { Trailer = reader.Trailer };
            previous.Index(reader, new HashSet<ResourceId>(gone), new HashSet<string>(heldPerPrincipal, StringComparer.Ordinal));
            reader.ReadEnd();
            return previous;
        }
        catch
        {
            if (previous is null) file.Dispose();
            else previous.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The header and outcome of the file at <paramref name="path"/>, read cheaply (its first and last bytes), so a
    /// refresh can be refused before anything else is read.
    /// </summary>
    public static (SyncFileHeader Header, SyncFileTrailer Trailer) ReadHeader(string path)
    {
        var fullPath = RegularFile(path);
        try
        {
            using var file = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            SyncFileEnds.CheckEncoding(file, fullPath);
            using var reader = new SyncFileReader(fullPath, file, null);
            SyncFileEnds.CheckEndMarker(file, fullPath);
            return (reader.Header, reader.Trailer);
        }
        catch (SyncFileFormatException invalid)
        {
            throw new FullSyncNeededException("the earlier sync file is not valid: " + invalid.Message, invalid);
        }
    }

    private static string RegularFile(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var kind = FileKinds.OfTarget(fullPath);
        if (kind == FileKind.Missing) throw new FullSyncNeededException($"there is no earlier sync file at '{fullPath}'");
        if (kind != FileKind.RegularFile) throw new FullSyncNeededException($"'{fullPath}' is {FileKinds.Describe(kind)}, not an earlier sync file");
        return fullPath;
    }

    /// <summary>How many resources of <paramref name="resourceType"/> the file holds.</summary>
    public long ResourceCount(string resourceType) => _resources.TryGetValue(resourceType, out var range) ? range.Count : 0;

    /// <summary>Whether the file holds that resource (not answered for users: they are only streamed).</summary>
    public bool HasResource(ResourceId id) =>
        _resourceIds.TryGetValue(id.ResourceType, out var ids) && ids.Contains(id.Resource);

    /// <summary>The block of grants of one entitlement, or null when the file has none.</summary>
    public GrantBlock? GrantsOf(string entitlementId) => _byEntitlement.TryGetValue(entitlementId, out var block) ? block : null;

    /// <summary>The grants of entitlements of <paramref name="entitlementType"/> that <paramref name="holder"/> holds, or null.</summary>
    public GrantBlock? GrantsHeldBy(string entitlementType, ResourceId holder) =>
        _byHolder.TryGetValue(HolderKey(entitlementType, holder), out var block) ? block : null;

    /// <summary>Copies a block's grants into <paramref name="lane"/>, byte for byte.</summary>
    public void CarryGrants(GrantBlock block, SyncFileLane lane)
    {
        lock (_gate)
        {
            _file.Position = block.Start;
            // the scan read the file from a buffer: the handle's own position is ours to set
            lane.CarryGrants(_file, block.End - block.Start, block.Count);
        }
    }

    /// <summary>
    /// The resources of <paramref name="resourceType"/>, in file order, to <paramref name="visit"/> with their ids; the
    /// bytes are valid during the call only.
    /// </summary>
    public void StreamResources(string resourceType, Action<ResourceId, ReadOnlyMemory<byte>> visit)
    {
        if (!_resources.TryGetValue(resourceType, out var range)) return;
        // a stream of its own: other syncers copy grant blocks from _file at the same time
        using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1);
        var lines = new ItemLineReader(file, range.Start, range.End - range.Start);
        while (lines.Advance())
        {
            if (!SyncFileItemKeys.TryReadResourceId(lines.Item.Span, out var type, out var id) || type != resourceType)
            {
                throw new FullSyncNeededException($"the earlier sync file changed while it was read: its {resourceType} resources are not where they were");
            }
            visit(new ResourceId(type, id), lines.Item);
        }
    }

    public void Dispose() => _file.Dispose();

    private void Index(SyncFileReader reader, HashSet<ResourceId> gone, HashSet<string> heldPerPrincipal)
    {
        var layout = new LayoutCheck(reader.Path);
        string? lastType = null;
        string? lastUser = null;
        reader.ScanSection(SyncFileFormat.Resources, (item, offset) =>
        {
            layout.Next(offset, item.Length);
            if (!SyncFileItemKeys.TryReadResourceId(item, out var type, out var id)) throw layout.Error(offset, "a resource without an id");
            if (type != lastType)
            {
                if (_resources.ContainsKey(type)) throw layout.Error(offset, $"the {type} resources are not all together");
                _resources[type] = new ResourceRange(offset);
                lastType = type;
            }
            var range = _resources[type];
            range.End = offset + item.Length;
            range.Count++;
            if (type == ResourceTypes.User)
            {
                if (lastUser is not null && string.CompareOrdinal(lastUser, id) >= 0) throw layout.Error(offset, "the users are not in id order");
                lastUser = id;
            }
            else
            {
                if (!_resourceIds.TryGetValue(type, out var ids)) _resourceIds[type] = ids = new HashSet<string>(StringComparer.Ordinal);
                ids.Add(id);
            }
        });

        layout = new LayoutCheck(reader.Path);
        reader.ScanSection(SyncFileFormat.Entitlements, (item, offset) => layout.Next(offset, item.Length));

        layout = new LayoutCheck(reader.Path);
        var blocks = new BlockBuilder(_byEntitlement);
        var holders = new BlockBuilder(_byHolder);
        reader.ScanSection(SyncFileFormat.Grants, (item, offset) =>
        {
            layout.Next(offset, item.Length);
            if (!SyncFileItemKeys.TryReadGrant(item, out var entitlementId, out var principalType, out var principalId))
            {
                throw layout.Error(offset, "a grant without an entitlement or principal");
            }
            var entitlementType = entitlementId.Substring(0, Math.Max(0, entitlementId.IndexOf(':')));
            var principal = new ResourceId(principalType, principalId);
            var qualified = item.IndexOf(Qualifiers.Scope) >= 0;
            var inherited = item.IndexOf(Qualifiers.Inherited) >= 0;
            // a grant's scope or inherited-through groups may name a user or group that is gone, not only its principal
            var isGone = gone.Count > 0 && (gone.Contains(principal) || ((qualified || inherited) && Mentions(item, gone)));
            if (heldPerPrincipal.Contains(entitlementType))
            {
                holders.Add(HolderKey(entitlementType, principal), offset, item.Length, principalType, isGone, inherited, entitlementId);
            }
            else
            {
                blocks.Add(entitlementId, offset, item.Length, principalType, isGone, inherited);
            }
        });
    }

    private static string HolderKey(string entitlementType, ResourceId holder) => entitlementType + "|" + holder;

    private static bool Mentions(ReadOnlySpan<byte> item, HashSet<ResourceId> gone)
    {
        foreach (var id in gone)
        {
            if (item.IndexOf(System.Text.Encoding.UTF8.GetBytes("\"" + id.Resource + "\"")) >= 0) return true;
        }
        return false;
    }

    /// <summary>How a grant item marks a scope (role targets) and access held through groups the file cannot show.</summary>
    private static class Qualifiers
    {
        public static readonly byte[] Scope = System.Text.Encoding.UTF8.GetBytes("\"scope\":{");
        public static readonly byte[] Inherited = System.Text.Encoding.UTF8.GetBytes("\"inherited\":{");
    }

    private sealed class ResourceRange
    {
        public ResourceRange(long start)
        {
            Start = start;
            End = start;
        }

        public long Start { get; }

        public long End { get; set; }

        public long Count { get; set; }
    }

    /// <summary>Checks that items follow each other exactly as this module writes them: ",\n" between two items.</summary>
    private sealed class LayoutCheck
    {
        private readonly string _path;
        private long _previousEnd = -1;

        public LayoutCheck(string path) => _path = path;

        public void Next(long offset, int length)
        {
            if (_previousEnd >= 0 && offset != _previousEnd + 2) throw Error(offset, "items are not one per line as this module writes them");
            _previousEnd = offset + length;
        }

        public FullSyncNeededException Error(long offset, string reason) =>
            new($"the earlier sync file '{_path}' is not laid out as this version of OktaBaton writes it ({reason}, at byte {offset + 1})");
    }

    /// <summary>Collects consecutive grants with one key into a block; a key seen again after another key is ambiguous.</summary>
    private sealed class BlockBuilder
    {
        private readonly Dictionary<string, GrantBlock> _blocks;
        private GrantBlock? _current;
        private string? _currentKey;

        public BlockBuilder(Dictionary<string, GrantBlock> blocks) => _blocks = blocks;

        public void Add(string key, long offset, int length, string principalType, bool toGonePrincipal, bool inherited, string? entitlementId = null)
        {
            if (!string.Equals(key, _currentKey, StringComparison.Ordinal))
            {
                _currentKey = key;
                if (_blocks.TryGetValue(key, out var seen))
                {
                    // not one block: never carried, always fetched again
                    seen.IsSplit = true;
                    _current = seen;
                }
                else
                {
                    _current = new GrantBlock(offset);
                    _blocks[key] = _current;
                }
            }
            var block = _current!;
            block.End = offset + length;
            block.Count++;
            if (principalType == ResourceTypes.User) block.Users++;
            else if (principalType == ResourceTypes.Group) block.Groups++;
            if (toGonePrincipal) block.HasGonePrincipal = true;
            if (inherited) block.HasInherited = true;
            if (entitlementId is not null) block.Entitlements.Add(entitlementId);
        }
    }
}

/// <summary>Where one block of grants lies in the earlier file, and what it holds.</summary>
internal sealed class GrantBlock
{
    public GrantBlock(long start)
    {
        Start = start;
        End = start;
    }

    public long Start { get; }

    public long End { get; set; }

    public long Count { get; set; }

    public long Users { get; set; }

    public long Groups { get; set; }

    /// <summary>A grant to, or scoped by, a user or group that no longer exists: the block is stale.</summary>
    public bool HasGonePrincipal { get; set; }

    /// <summary>It holds access through groups the file cannot show, which those groups' members decide.</summary>
    public bool HasInherited { get; set; }

    /// <summary>The entitlements of a block of grants one principal holds (empty for a block of one entitlement).</summary>
    public List<string> Entitlements { get; } = new();

    /// <summary>Its grants were not written together: it cannot be copied as one.</summary>
    public bool IsSplit { get; set; }

    /// <summary>Whether the block may be copied as it is (the caller has already ruled out changes it knows of).</summary>
    public bool CanCarry => !HasGonePrincipal && !IsSplit;
}
