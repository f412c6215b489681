using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
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
    private readonly Dictionary<string, ResourceRange> _entitlements = new(StringComparer.Ordinal);
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
            using (var reader = new SyncFileReader(fullPath, file, null))
            {
                // cheap first: a file cut short or never finished fails on its last bytes
                SyncFileEnds.CheckEndMarker(file, fullPath);
                previous = new PreviousSyncFile(fullPath, file, reader.Header) { Trailer = reader.Trailer };
            }
            previous.Index(new HashSet<ResourceId>(gone), new HashSet<string>(heldPerPrincipal, StringComparer.Ordinal));
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

    /// <summary>The earlier file's built-in groups (Everyone), by the group trait's <c>oktaType</c>.</summary>
    public HashSet<string> BuiltInGroups { get; } = new(StringComparer.Ordinal);

    private static readonly byte[] BuiltInMarker = Encoding.UTF8.GetBytes("\"oktaType\":\"BUILT_IN\"");

    /// <summary>The resources of <paramref name="resourceType"/> with each one's entitlements, in file order (id order).</summary>
    public ResourceCursor OpenResources(string resourceType) =>
        new(this, resourceType, _resources.TryGetValue(resourceType, out var resources) ? resources : null,
            _entitlements.TryGetValue(resourceType, out var entitlements) ? entitlements : null);

    /// <summary>
    /// Walks a resource type's resources and, beside them, their entitlements (both in id order): each resource's bytes
    /// and those of its entitlements, copied out so they outlive the walk's next step.
    /// </summary>
    internal sealed class ResourceCursor : IDisposable
    {
        private readonly string _type;
        private readonly Stream? _resourceFile;
        private readonly Stream? _entitlementFile;
        private readonly ItemLineReader? _resources;
        private readonly ItemLineReader? _entitlements;
        private bool _entitlementPending;

        public ResourceCursor(PreviousSyncFile file, string type, ResourceRange? resources, ResourceRange? entitlements)
        {
            _type = type;
            if (resources is not null)
            {
                _resourceFile = file.OpenRead();
                _resources = new ItemLineReader(_resourceFile, resources.Start, resources.End - resources.Start);
            }
            if (entitlements is not null)
            {
                _entitlementFile = file.OpenRead();
                _entitlements = new ItemLineReader(_entitlementFile, entitlements.Start, entitlements.End - entitlements.Start);
                _entitlementPending = _entitlements.Advance();
            }
        }

        public string Id { get; private set; } = string.Empty;

        public byte[] Resource { get; private set; } = Array.Empty<byte>();

        /// <summary>The resource's entitlements, one per item.</summary>
        public List<byte[]> Entitlements { get; } = new();

        public bool Advance()
        {
            Entitlements.Clear();
            if (_resources is null || !_resources.Advance()) return false;
            if (!SyncFileItemKeys.TryReadResourceId(_resources.Item.Span, out var type, out var id) || type != _type)
            {
                throw new FullSyncNeededException($"the earlier sync file changed while it was read: its {_type} resources are not where they were");
            }
            Id = id;
            Resource = _resources.Item.ToArray();
            while (_entitlementPending && SyncFileItemKeys.EntitlementKey(_entitlements!.Item) == id)
            {
                Entitlements.Add(_entitlements.Item.ToArray());
                _entitlementPending = _entitlements.Advance();
            }
            return true;
        }

        public void Dispose()
        {
            _resourceFile?.Dispose();
            _entitlementFile?.Dispose();
        }
    }

    /// <summary>How many resources of <paramref name="resourceType"/> the file holds.</summary>
    public long ResourceCount(string resourceType) => _resources.TryGetValue(resourceType, out var range) ? range.Count : 0;

    /// <summary>Whether the file holds that resource (not answered for users: they are only streamed).</summary>
    public bool HasResource(ResourceId id) =>
        _resourceIds.TryGetValue(id.ResourceType, out var ids) && ids.Contains(id.Resource);

    /// <summary>The ids of the file's resources of a type (not answered for users: they are only streamed).</summary>
    public IEnumerable<string> ResourceIds(string resourceType) =>
        _resourceIds.TryGetValue(resourceType, out var ids) ? ids : Enumerable.Empty<string>();

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
            lane.CarryGrants(_file, block.End - block.Start, block.Count, block.ResourceId);
        }
    }

    /// <summary>A stream of its own on the earlier file (for a reader that walks it while others copy from it).</summary>
    public Stream OpenRead() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1);

    /// <summary>
    /// The resources of <paramref name="resourceType"/>, in file order, to <paramref name="visit"/> with their ids and where
    /// they lie; the bytes are valid during the call only.
    /// </summary>
    public void StreamResources(string resourceType, ResourceVisitor visit)
    {
        if (!_resources.TryGetValue(resourceType, out var range)) return;
        // a stream of its own: other syncers copy grant blocks from _file at the same time
        using var file = OpenRead();
        var lines = new ItemLineReader(file, range.Start, range.End - range.Start);
        while (lines.Advance())
        {
            if (!SyncFileItemKeys.TryReadResourceId(lines.Item.Span, out var type, out var id) || type != resourceType)
            {
                throw new FullSyncNeededException($"the earlier sync file changed while it was read: its {resourceType} resources are not where they were");
            }
            visit(new ResourceId(type, id), lines.ItemOffset, lines.Item);
        }
    }

    public delegate void ResourceVisitor(ResourceId id, long offset, ReadOnlyMemory<byte> item);

    /// <summary>Copies consecutive resources of the file into <paramref name="lane"/>, byte for byte.</summary>
    public void CarryResources(SyncFileLane lane, long start, long end, long count, string resourceType, string firstId, string lastId)
    {
        lock (_gate)
        {
            _file.Position = start;
            lane.CarryResources(_file, end - start, count, resourceType, firstId, lastId);
        }
    }

    public void Dispose() => _file.Dispose();

    /// <summary>
    /// One pass over the file's lines, as this module lays it out: the header's lines, then each section's name line,
    /// its items one per line (each checked to be one well-formed JSON object, read for the fields that place it), its
    /// closing line, and the end marker naming this file's sync id.
    /// </summary>
    private void Index(HashSet<ResourceId> gone, HashSet<string> heldPerPrincipal)
    {
        var grants = new GrantScan(new LayoutCheck(Path), gone, heldPerPrincipal, new BlockBuilder(_byEntitlement), new BlockBuilder(_byHolder));
        var sections = new[] { SyncFileFormat.Resources, SyncFileFormat.Entitlements, SyncFileFormat.Grants };
        var section = -1;
        var inSection = false;
        var ended = false;
        var layout = new LayoutCheck(Path);
        string? lastType = null;
        string? lastUser = null;
        string? lastEntitlementType = null;
        var end = Encoding.UTF8.GetBytes($"\"{SyncFileFormat.End}\":{{\"syncId\":\"{Header.SyncId}\"}}");
        FileLines.Read(_file, (line, offset) =>
        {
            if (ended)
            {
                if (!IsBlank(line) && !(line.Length == 1 && line[0] == (byte)'}')) throw layout.Error(offset, "something follows the end marker");
                return;
            }
            if (!inSection)
            {
                if (section == sections.Length - 1)
                {
                    if (!line.SequenceEqual(end)) throw layout.Error(offset, "the end marker does not follow the grants");
                    ended = true;
                    return;
                }
                if (line.SequenceEqual(Encoding.UTF8.GetBytes($"\"{sections[section + 1]}\":[")))
                {
                    section++;
                    inSection = true;
                    layout = new LayoutCheck(Path);
                }
                else if (section >= 0)
                {
                    throw layout.Error(offset, $"the {sections[section + 1]} section does not follow the {sections[section]}");
                }
                return;
            }
            if (line.Length == 2 && line[0] == (byte)']' && line[1] == (byte)',')
            {
                if (!layout.Closes()) throw layout.Error(offset, "an item before the section's end is followed by a comma");
                inSection = false;
                return;
            }
            var item = layout.Item(line, offset);
            switch (section)
            {
                case 0:
                    if (!SyncFileItemKeys.TryReadResourceId(item, out var type, out var id, wholeItem: true)) throw layout.Error(offset, "a resource that is not one well-formed item with an id");
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
                        if (type == ResourceTypes.Group && item.IndexOf(BuiltInMarker) >= 0) BuiltInGroups.Add(id);
                    }
                    break;
                case 1:
                    if (!SyncFileItemKeys.TryReadEntitlementResource(item, out var ofType, out _, wholeItem: true)) throw layout.Error(offset, "an entitlement that is not one well-formed item with a resource");
                    if (ofType != lastEntitlementType)
                    {
                        if (_entitlements.ContainsKey(ofType)) throw layout.Error(offset, $"the {ofType} entitlements are not all together");
                        _entitlements[ofType] = new ResourceRange(offset);
                        lastEntitlementType = ofType;
                    }
                    var entitlements = _entitlements[ofType];
                    entitlements.End = offset + item.Length;
                    entitlements.Count++;
                    break;
                default:
                    grants.Visit(item, offset);
                    break;
            }
        });
        if (!ended) throw layout.Error(_file.Length, "the file ends before its end marker");
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        }
        return true;
    }

    private static string HolderKey(string entitlementType, ResourceId holder) => entitlementType + "|" + holder;

    /// <summary>
    /// Files every grant of the earlier file into its block, reading the few fields that place it as raw bytes: a string is
    /// made only when a new block starts (or for the rare grant whose ids are escaped), so a million grants cost little.
    /// </summary>
    private sealed class GrantScan
    {
        private static readonly byte[] Scope = Encoding.UTF8.GetBytes("\"scope\":{");
        private static readonly byte[] Inherited = Encoding.UTF8.GetBytes("\"inherited\":{");
        private static readonly byte[] UserType = Encoding.UTF8.GetBytes(ResourceTypes.User);
        private static readonly byte[] GroupType = Encoding.UTF8.GetBytes(ResourceTypes.Group);
        private readonly LayoutCheck _layout;
        private readonly HashSet<ResourceId> _gone;
        private readonly List<byte[]> _goneIds;
        private readonly List<byte[]> _heldPerPrincipal;
        private readonly BlockBuilder _blocks;
        private readonly BlockBuilder _holders;
        private byte[] _entitlement = Array.Empty<byte>();
        private int _entitlementLength = -1;

        public GrantScan(LayoutCheck layout, HashSet<ResourceId> gone, HashSet<string> heldPerPrincipal, BlockBuilder blocks, BlockBuilder holders)
        {
            _layout = layout;
            _gone = gone;
            _goneIds = gone.Select(id => Encoding.UTF8.GetBytes(id.Resource)).ToList();
            _heldPerPrincipal = heldPerPrincipal.Select(type => Encoding.UTF8.GetBytes(type + ":")).ToList();
            _blocks = blocks;
            _holders = holders;
        }

        public void Visit(ReadOnlySpan<byte> item, long offset)
        {
            if (!SyncFileItemKeys.TryReadGrantBytes(item, out var entitlement, out var principalType, out var principal, wholeItem: true))
            {
                VisitEscaped(item, offset);
                return;
            }
            var inherited = item.IndexOf(Inherited) >= 0;
            // a grant's scope or inherited-through groups may name a user or group that is gone, not only its principal
            var gone = _goneIds.Count > 0 && (IsGone(principal) || ((inherited || item.IndexOf(Scope) >= 0) && MentionsGone(item)));
            var type = principalType.SequenceEqual(UserType) ? ResourceTypes.User : principalType.SequenceEqual(GroupType) ? ResourceTypes.Group : null;
            foreach (var held in _heldPerPrincipal)
            {
                if (!entitlement.StartsWith(held)) continue;
                var entitlementId = Encoding.UTF8.GetString(entitlement.ToArray());
                var holder = new ResourceId(Encoding.UTF8.GetString(principalType.ToArray()), Encoding.UTF8.GetString(principal.ToArray()));
                _holders.Add(HolderKey(Encoding.UTF8.GetString(held, 0, held.Length - 1), holder), offset, item.Length, type, gone, inherited, entitlementId);
                return;
            }
            if (!entitlement.SequenceEqual(new ReadOnlySpan<byte>(_entitlement, 0, Math.Max(0, _entitlementLength))))
            {
                if (_entitlement.Length < entitlement.Length) _entitlement = new byte[entitlement.Length * 2];
                entitlement.CopyTo(_entitlement);
                _entitlementLength = entitlement.Length;
                _blocks.Start(Encoding.UTF8.GetString(_entitlement, 0, _entitlementLength));
            }
            _blocks.Add(null, offset, item.Length, type, gone, inherited);
        }

        /// <summary>A grant whose ids needed escaping: read as strings.</summary>
        private void VisitEscaped(ReadOnlySpan<byte> item, long offset)
        {
            if (!SyncFileItemKeys.IsWholeObject(item) || !SyncFileItemKeys.TryReadGrant(item, out var entitlementId, out var principalType, out var principalId))
            {
                throw _layout.Error(offset, "a grant that is not one well-formed item with an entitlement and a principal");
            }
            var principal = new ResourceId(principalType, principalId);
            var gone = _gone.Contains(principal) || MentionsGone(item);
            var inherited = item.IndexOf(Inherited) >= 0;
            var entitlementType = entitlementId.Substring(0, Math.Max(0, entitlementId.IndexOf(':')));
            if (_heldPerPrincipal.Any(held => Encoding.UTF8.GetString(held, 0, held.Length - 1) == entitlementType))
            {
                _holders.Add(HolderKey(entitlementType, principal), offset, item.Length, principalType, gone, inherited, entitlementId);
                return;
            }
            _entitlementLength = -1;
            _blocks.Start(entitlementId);
            _blocks.Add(null, offset, item.Length, principalType, gone, inherited);
        }

        private bool IsGone(ReadOnlySpan<byte> principal)
        {
            foreach (var id in _goneIds)
            {
                if (principal.SequenceEqual(id)) return true;
            }
            return false;
        }

        private bool MentionsGone(ReadOnlySpan<byte> item)
        {
            foreach (var id in _goneIds)
            {
                var at = item.IndexOf(id);
                // the id as a whole JSON string
                if (at > 0 && at + id.Length < item.Length && item[at - 1] == (byte)'"' && item[at + id.Length] == (byte)'"') return true;
            }
            return false;
        }
    }

    internal sealed class ResourceRange
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

    /// <summary>
    /// Checks that a section's items are laid out as this module writes them: one per line, every line but the last
    /// ending with a comma.
    /// </summary>
    private sealed class LayoutCheck
    {
        private readonly string _path;
        private long _items;
        private bool _last;

        public LayoutCheck(string path) => _path = path;

        /// <summary>The item on <paramref name="line"/>, without its comma.</summary>
        public ReadOnlySpan<byte> Item(ReadOnlySpan<byte> line, long offset)
        {
            if (_last) throw Error(offset, "an item follows the last item of its section");
            _items++;
            if (line.Length > 0 && line[line.Length - 1] == (byte)',') return line.Slice(0, line.Length - 1);
            _last = true;
            return line;
        }

        /// <summary>Whether the section may close here: its last item had no comma, or it had no items.</summary>
        public bool Closes() => _last || _items == 0;

        public FullSyncNeededException Error(long offset, string reason) =>
            new($"the earlier sync file '{_path}' is not valid, or not laid out as this version of OktaBaton writes it ({reason}, at byte {offset + 1})");
    }

    /// <summary>Collects consecutive grants with one key into a block; a key seen again after another key is ambiguous.</summary>
    private sealed class BlockBuilder
    {
        private readonly Dictionary<string, GrantBlock> _blocks;
        private GrantBlock? _current;
        private string? _currentKey;

        public BlockBuilder(Dictionary<string, GrantBlock> blocks) => _blocks = blocks;

        /// <summary>The grants that follow belong to <paramref name="key"/> (a new block, or one seen before: split).</summary>
        public void Start(string key)
        {
            if (string.Equals(key, _currentKey, StringComparison.Ordinal)) return;
            _currentKey = key;
            if (_blocks.TryGetValue(key, out var seen))
            {
                // not one block: never carried, always fetched again
                seen.IsSplit = true;
                _current = seen;
            }
            else
            {
                _current = null;
            }
        }

        /// <summary>One grant of the block <paramref name="key"/> names, or (null) of the one <see cref="Start"/> named.</summary>
        public void Add(string? key, long offset, int length, string? principalType, bool toGonePrincipal, bool inherited, string? entitlementId = null)
        {
            if (key is not null) Start(key);
            if (_current is null)
            {
                _current = new GrantBlock(offset, SyncFileItemKeys.ResourceOf(entitlementId ?? _currentKey!));
                _blocks[_currentKey!] = _current;
            }
            var block = _current;
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
    public GrantBlock(long start, string resourceId = "")
    {
        Start = start;
        End = start;
        ResourceId = resourceId;
    }

    public long Start { get; }

    /// <summary>The id of the resource whose entitlement the block's grants are of (what orders it in a lane in id order).</summary>
    public string ResourceId { get; }

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
