using System;
using System.Buffers;
using System.IO;

namespace OktaBaton.Core.SyncFile;

/// <summary>A growable byte buffer a <see cref="System.Text.Json.Utf8JsonWriter"/> writes into, emptied into a stream in large chunks.</summary>
internal sealed class SpillBuffer : IBufferWriter<byte>
{
    private byte[] _bytes;
    private int _count;

    public SpillBuffer(int capacity) => _bytes = new byte[capacity];

    public int Count => _count;

    /// <summary>The buffer itself; its first <see cref="Count"/> bytes are what was written.</summary>
    public byte[] Written => _bytes;

    public void Clear() => _count = 0;

    public void Advance(int count)
    {
        if (count < 0 || _count + count > _bytes.Length) throw new ArgumentOutOfRangeException(nameof(count));
        _count += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _bytes.AsMemory(_count);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _bytes.AsSpan(_count);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(_count));
        _count += bytes.Length;
    }

    public void MoveTo(Stream stream)
    {
        if (_count == 0) return;
        stream.Write(_bytes, 0, _count);
        _count = 0;
    }

    private void Reserve(int sizeHint)
    {
        var needed = _count + Math.Max(sizeHint, 256);
        if (needed <= _bytes.Length) return;
        Array.Resize(ref _bytes, Math.Max(needed, _bytes.Length * 2));
    }
}
