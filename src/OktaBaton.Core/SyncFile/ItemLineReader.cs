using System;
using System.IO;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// Reads a run of items that this module wrote, one per line and separated by ",\n" (JSON strings escape every line
/// break, so an item never spans lines), from a byte range of a file; seeks to where it left off on every refill, so
/// several readers may share one stream as long as they take turns.
/// </summary>
internal sealed class ItemLineReader
{
    private readonly Stream _file;
    private long _position;
    private long _left;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private int _itemLength;
    private int _consumed;

    public ItemLineReader(Stream file, long start, long length)
    {
        _file = file;
        _position = start;
        _left = length;
    }

    /// <summary>The current item's bytes, valid until the next <see cref="Advance"/>.</summary>
    public ReadOnlyMemory<byte> Item => new(_buffer, _start, _itemLength);

    /// <summary>Where the current item starts in the file.</summary>
    public long ItemOffset => _position - (_end - _start);

    /// <summary>Moves to the next item; false at the end of the range.</summary>
    public bool Advance()
    {
        _start += _consumed;
        _consumed = 0;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                // "item,\n": the item ends before the comma
                _itemLength = newline - 1 - _start;
                _consumed = newline + 1 - _start;
                if (_itemLength < 1 || _buffer[newline - 1] != (byte)',') throw new InvalidDataException("Items are not separated by \",\\n\" as this module writes them.");
                return true;
            }
            if (_left == 0)
            {
                if (_end == _start) return false;
                _itemLength = _consumed = _end - _start;
                return true;
            }
            Fill();
        }
    }

    public void WriteItem(Stream destination) => destination.Write(_buffer, _start, _itemLength);

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        _file.Position = _position;
        var read = _file.Read(_buffer, _end, (int)Math.Min(_buffer.Length - _end, _left));
        if (read == 0) throw new EndOfStreamException("A run of sync file items ended early.");
        _end += read;
        _left -= read;
        _position += read;
    }
}
