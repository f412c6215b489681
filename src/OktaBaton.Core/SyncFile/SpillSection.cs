using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// One array section of the sync file (resources, entitlements or grants) written to its own temporary file,
/// one item per line, so that the engine can produce all three at once and memory stays flat. Items collect in
/// a small buffer that goes to the file in chunks.
/// </summary>
internal sealed class SpillSection : ISpillSection
{
    private const int ChunkBytes = 64 * 1024;
    private static readonly byte[] Separator = { (byte)',', (byte)'\n' };
    private static readonly IReadOnlyList<string> NoExpandable = Array.Empty<string>();
    private readonly FileStream _stream;
    private readonly SpillBuffer _buffer = new(ChunkBytes + 4096);
    private readonly Utf8JsonWriter _writer;

    public SpillSection(string path)
    {
        Path = path;
        _stream = OwnerOnlyFile.CreateNew(path, bufferSize: 1);
        _writer = new Utf8JsonWriter(_buffer, SyncFileJson.WriterOptions);
    }

    public string Path { get; }

    public long Count { get; private set; }

    public void Add(Action<Utf8JsonWriter> writeItem)
    {
        BeginItem();
        writeItem(_writer);
        EndItem();
    }

    /// <summary>One grant per principal id, all of the same entitlement and principal type, none expandable.</summary>
    [MethodImpl(HotPath.Optimized)]
    public void AddGrants(string entitlementId, string principalType, IReadOnlyList<string> principalIds)
    {
        for (var i = 0; i < principalIds.Count; i++)
        {
            var principalId = principalIds[i];
            BeginItem();
            SyncFileJson.WriteGrant(_writer, entitlementId, principalType, principalId, NoExpandable);
            EndItem();
        }
    }

    /// <summary>
    /// Items already serialized by this module (a carried-over part of an earlier sync file): <paramref name="items"/>
    /// holds <paramref name="count"/> items separated as this section separates them.
    /// </summary>
    public void AddRaw(ReadOnlySpan<byte> items, long count)
    {
        if (count == 0) return;
        BeginItem();
        _buffer.Write(items);
        Count += count;
        if (_buffer.Count >= ChunkBytes) _buffer.MoveTo(_stream);
    }

    /// <summary>As <see cref="AddRaw"/>, for a long run of items copied straight from <paramref name="source"/>'s current position.</summary>
    public void AddFrom(Stream source, long length, long count)
    {
        if (count == 0) return;
        BeginItem();
        _buffer.MoveTo(_stream);
        var chunk = new byte[(int)Math.Min(length, 81920)];
        for (var left = length; left > 0;)
        {
            var read = source.Read(chunk, 0, (int)Math.Min(left, chunk.Length));
            if (read == 0) throw new EndOfStreamException("The earlier sync file ended inside the items being carried over.");
            _stream.Write(chunk, 0, read);
            left -= read;
        }
        Count += count;
    }

    public void CopyTo(Stream destination)
    {
        _buffer.MoveTo(_stream);
        _stream.Flush();
        _stream.Position = 0;
        _stream.CopyTo(destination, 81920);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }

    private void BeginItem()
    {
        if (Count > 0) _buffer.Write(Separator);
    }

    private void EndItem()
    {
        _writer.Flush();
        _writer.Reset();
        Count++;
        if (_buffer.Count >= ChunkBytes) _buffer.MoveTo(_stream);
    }
}
