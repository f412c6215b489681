using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// The validating pass of <see cref="SyncFileHandle.Open"/>: the header and version, the end marker, then every item of
/// every section converted exactly as a query converts it (so no query can meet a bad item after it emitted
/// records), the end of the document, and no id twice in a section.
/// </summary>
/// <remarks>
/// Duplicates are found with flat memory: a 64-bit hash per id, sorted; only hashes that collide are checked again
/// by their real ids in a second pass over that section, which also names where the repeat is.
/// </remarks>
internal static class SyncFileValidation
{
    public static (SyncFileHeader Header, SyncFileTrailer Trailer) Validate(Stream stream, string path, SyncFileVisitor visitor, CancellationToken cancellationToken)
    {
        stream.Position = 0;
        SyncFileHeader header;
        SyncFileTrailer trailer;
        (HashSet<ulong> Resources, HashSet<ulong> Entitlements, HashSet<ulong> Grants) duplicates;
        using (var reader = new SyncFileReader(path, stream, null))
        {
            header = reader.Header;
            trailer = reader.Trailer;
            SyncFileEnds.CheckEndMarker(stream, path);
            // sized from what the sync says it wrote, so a million ids take one array, not a trail of doubled ones
            // (no more than the file could hold: an item takes more than 16 bytes, so an edited count cannot ask for more)
            var stats = trailer.Stats;
            var most = stream.Length / 16;
            var resourceIds = new IdHashes(Math.Min(stats.ResourceCounts.Values.Sum(), most));
            var entitlementIds = new IdHashes(Math.Min(stats.Entitlements, most));
            var grantIds = new IdHashes(Math.Min(stats.Grants, most));
            foreach (var (resource, _) in reader.ReadSection(SyncFileFormat.Resources, SyncFileJson.ReadResource))
            {
                cancellationToken.ThrowIfCancellationRequested();
                resourceIds.Add(KeyOf(resource.Id));
                visitor.Resource?.Invoke(resource);
            }
            foreach (var (entitlement, _) in reader.ReadSection(SyncFileFormat.Entitlements, SyncFileJson.ReadEntitlement))
            {
                cancellationToken.ThrowIfCancellationRequested();
                entitlementIds.Add(entitlement.Id);
                visitor.Entitlement?.Invoke(entitlement);
            }
            foreach (var (grant, _) in reader.ReadSection(SyncFileFormat.Grants, SyncFileJson.ReadGrant))
            {
                if ((grantIds.Count & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
                grantIds.Add(grant.Id);
                visitor.Grant?.Invoke(grant);
            }
            reader.ReadEnd();
            duplicates = (resourceIds.Collisions(), entitlementIds.Collisions(), grantIds.Collisions());
        }

        RefuseDuplicates(stream, path, SyncFileFormat.Resources, "resource", duplicates.Resources, element => KeyOf(SyncFileJson.ReadResource(element).Id));
        RefuseDuplicates(stream, path, SyncFileFormat.Entitlements, "entitlement", duplicates.Entitlements, element => SyncFileJson.ReadEntitlement(element).Id);
        RefuseDuplicates(stream, path, SyncFileFormat.Grants, "grant", duplicates.Grants, element => SyncFileJson.ReadGrant(element).Id);
        return (header, trailer);
    }

    private static string KeyOf(ResourceId id) => id.ResourceType + ":" + id.Resource;

    private static void RefuseDuplicates(Stream stream, string path, string section, string what, HashSet<ulong> suspects, Func<JsonElement, string> idOf)
    {
        if (suspects.Count == 0) return;
        stream.Position = 0;
        var firstSeen = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = new SyncFileReader(path, stream, null);
        foreach (var (id, at) in reader.ReadSection(section, idOf))
        {
            if (!suspects.Contains(IdHashes.Hash(id))) continue;
            if (firstSeen.TryGetValue(id, out var firstLine))
            {
                throw new SyncFileFormatException(path, at.Line, at.Position,
                    $"the {what} id '{id}' appears twice (first on line {firstLine}); a sync writes each {what} once");
            }
            firstSeen[id] = at.Line;
        }
    }

    /// <summary>64-bit FNV-1a hashes of ids, 8 bytes each, sorted once to find the ones that may repeat.</summary>
    private sealed class IdHashes
    {
        private ulong[] _hashes;
        private int _count;

        /// <param name="expected">how many ids the file says it holds (a hint: the array grows past it if it lied)</param>
        public IdHashes(long expected) => _hashes = new ulong[(int)Math.Min(Math.Max(expected, 16), int.MaxValue / 16)];

        public int Count => _count;

        public void Add(string id)
        {
            if (_count == _hashes.Length) Array.Resize(ref _hashes, Math.Max(16, _hashes.Length * 2));
            _hashes[_count++] = Hash(id);
        }

        public HashSet<ulong> Collisions()
        {
            Array.Sort(_hashes, 0, _count);
            var collisions = new HashSet<ulong>();
            for (var i = 1; i < _count; i++)
            {
                if (_hashes[i] == _hashes[i - 1]) collisions.Add(_hashes[i]);
            }
            _hashes = Array.Empty<ulong>();
            return collisions;
        }

        public static ulong Hash(string id)
        {
            var hash = 14695981039346656037UL;
            foreach (var c in id)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }
            return hash;
        }
    }
}
