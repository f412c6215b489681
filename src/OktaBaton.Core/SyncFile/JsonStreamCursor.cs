using System;
using System.IO;
using System.Text.Json;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// Walks a JSON stream token by token (or one whole small value at a time) with a bounded, refilled buffer,
/// and knows the line and byte position of everything it hands out.
/// </summary>
internal sealed class JsonStreamCursor : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly string _path;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private JsonReaderState _state;
    private long _absoluteStart;
    private long _line = 1;
    private long _lineStartAbsolute;

    public JsonStreamCursor(Stream stream, string path, bool leaveOpen = false)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _path = path;
        _state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 256 });
        SkipByteOrderMark();
    }

    /// <summary>Line and 1-based byte position of the next unread byte.</summary>
    public (long Line, long Position) Location => (_line, _absoluteStart - _lineStartAbsolute + 1);

    /// <summary>Line and 1-based byte position where the last token read by <see cref="ReadToken"/> started.</summary>
    public (long Line, long Position) LastTokenStart { get; private set; } = (1, 1);

    /// <summary>True when the stream holds nothing but an optional byte order mark.</summary>
    public bool IsEmpty => _eof && _end == _start && _absoluteStart <= 3;

    /// <summary>True when everything read so far, and all that is left, is white space (a reader error then means "empty").</summary>
    public bool HoldsOnlyWhiteSpace
    {
        get
        {
            if (!_eof) return false;
            for (var i = _start; i < _end; i++)
            {
                if (_buffer[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
            }
            return true;
        }
    }

    /// <summary>Reads one token; <see cref="JsonTokenType.None"/> at the end of the data.</summary>
    public JsonTokenType ReadToken(out string? text)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_buffer, _start, _end - _start), _eof, _state);
            try
            {
                if (reader.Read())
                {
                    text = reader.TokenType switch
                    {
                        JsonTokenType.PropertyName or JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray()),
                        _ => null,
                    };
                    var tokenStart = (int)reader.TokenStartIndex;
                    Advance(tokenStart);
                    LastTokenStart = Location;
                    Advance((int)reader.BytesConsumed - tokenStart);
                    _state = reader.CurrentState;
                    return reader.TokenType;
                }
            }
            catch (JsonException ex)
            {
                throw Malformed(ex);
            }
            if (_eof)
            {
                text = null;
                return JsonTokenType.None;
            }
            Fill();
        }
    }

    /// <summary>Reads the next whole value (an object, array or scalar); <paramref name="location"/> is where it starts.</summary>
    public JsonDocument ReadValue(out (long Line, long Position) location) =>
        ReadArrayItem(out location) ?? throw Error("unexpected end of an array where a value was expected", location);

    /// <summary>Like <see cref="ReadValue"/>, but returns null (having consumed it) when the next token ends an array.</summary>
    public JsonDocument? ReadArrayItem(out (long Line, long Position) location)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_buffer, _start, _end - _start), _eof, _state);
            try
            {
                if (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        location = Location;
                        Advance((int)reader.BytesConsumed);
                        _state = reader.CurrentState;
                        return null;
                    }
                    var complete = true;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        var probe = reader;
                        complete = probe.TrySkip();
                    }
                    if (complete)
                    {
                        var tokenStart = (int)reader.TokenStartIndex;
                        var document = JsonDocument.ParseValue(ref reader);
                        Advance(tokenStart);
                        location = Location;
                        Advance((int)reader.BytesConsumed - tokenStart);
                        _state = reader.CurrentState;
                        return document;
                    }
                }
            }
            catch (JsonException ex)
            {
                throw Malformed(ex);
            }
            if (_eof) throw Error("the file ends in the middle of a value");
            Fill();
        }
    }

    /// <summary>
    /// Like <see cref="ReadArrayItem"/>, but hands out the item's raw bytes (checked to be one well-formed JSON value)
    /// and its byte offset in the stream instead of parsing it; false (having consumed it) at the end of the array. The
    /// bytes stay valid until the next call.
    /// </summary>
    public bool ReadRawArrayItem(out ReadOnlySpan<byte> item, out long offset)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_buffer, _start, _end - _start), _eof, _state);
            try
            {
                if (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        Advance((int)reader.BytesConsumed);
                        _state = reader.CurrentState;
                        item = default;
                        offset = _absoluteStart;
                        return false;
                    }
                    var tokenStart = (int)reader.TokenStartIndex;
                    if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || reader.TrySkip())
                    {
                        var length = (int)reader.BytesConsumed - tokenStart;
                        item = new ReadOnlySpan<byte>(_buffer, _start + tokenStart, length);
                        Advance(tokenStart);
                        offset = _absoluteStart;
                        Advance(length);
                        _state = reader.CurrentState;
                        return true;
                    }
                }
            }
            catch (JsonException ex)
            {
                throw Malformed(ex);
            }
            if (_eof) throw Error("the file ends in the middle of a value");
            Fill();
        }
    }

    public SyncFileFormatException Error(string reason, (long Line, long Position)? at = null, Exception? inner = null, int? version = null)
    {
        var (line, position) = at ?? Location;
        return new SyncFileFormatException(_path, line, position, reason, inner, version);
    }

    public void Dispose()
    {
        if (!_leaveOpen) _stream.Dispose();
    }

    private SyncFileFormatException Malformed(JsonException ex)
    {
        var reason = ex.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) reason = reason.Substring(0, cut).TrimEnd('.', ' ');
        if (ex.LineNumber is long line && ex.BytePositionInLine is long position)
        {
            return new SyncFileFormatException(_path, line + 1, position + 1, reason, ex);
        }
        return Error(reason, inner: ex);
    }

    private void Advance(int count)
    {
        for (var i = _start; i < _start + count; i++)
        {
            if (_buffer[i] == (byte)'\n')
            {
                _line++;
                _lineStartAbsolute = _absoluteStart + (i - _start) + 1;
            }
        }
        _start += count;
        _absoluteStart += count;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
    }

    private void SkipByteOrderMark()
    {
        while (_end < 3 && !_eof) Fill();
        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _start = 3;
            _absoluteStart = 3;
            _lineStartAbsolute = 3;
        }
    }
}
