using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// The cheap checks at both ends of a sync file, before it is parsed: the encoding (its first bytes) and the end
/// marker (its last bytes). A file that was cut, never finished, or appended to fails here without a full read.
/// </summary>
internal static class SyncFileEnds
{
    private const int TailBytes = 1024;
    private static readonly Regex EndMarker = new(@"""end""\s*:\s*\{\s*""syncId""\s*:\s*""[^""\\]+""\s*\}\s*\}", RegexOptions.CultureInvariant);

    /// <summary>Refuses UTF-16 and UTF-32 text by its first bytes; leaves the stream at its start.</summary>
    public static void CheckEncoding(Stream stream, string path)
    {
        var head = new byte[4];
        stream.Position = 0;
        var read = ReadFully(stream, head);
        stream.Position = 0;
        string? encoding = null;
        if (read >= 4 && ((head[0] == 0 && head[1] == 0 && head[2] == 0xFE && head[3] == 0xFF) || (head[0] == 0xFF && head[1] == 0xFE && head[2] == 0 && head[3] == 0)))
        {
            encoding = "UTF-32";
        }
        else if (read >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) || (head[0] != 0 && head[1] == 0) || (head[0] == 0 && head[1] != 0)))
        {
            encoding = "UTF-16";
        }
        if (encoding is not null)
        {
            throw new SyncFileFormatException(path, 1, 1,
                $"it is {encoding} text; sync files are UTF-8 (was it saved by Out-File, Set-Content or > in Windows PowerShell, which write UTF-16?). Use the file Invoke-OktaSync wrote, or run Invoke-OktaSync again");
        }
    }

    /// <summary>Refuses a file whose last bytes are not its end marker; leaves the stream where it was.</summary>
    public static void CheckEndMarker(Stream stream, string path)
    {
        var position = stream.Position;
        try
        {
            CheckEndMarkerAt(stream, path);
        }
        finally
        {
            stream.Position = position;
        }
    }

    private static void CheckEndMarkerAt(Stream stream, string path)
    {
        var length = stream.Length;
        if (length == 0) return; // the parser names an empty file
        var tailLength = (int)Math.Min(length, TailBytes);
        var tail = new byte[tailLength];
        stream.Position = length - tailLength;
        ReadFully(stream, tail);
        var text = Encoding.UTF8.GetString(tail);
        var end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        Match? last = null;
        foreach (Match match in EndMarker.Matches(text, 0)) last = match;
        if (last is not null && last.Index + last.Length == end) return;

        if (last is not null)
        {
            var after = length - Encoding.UTF8.GetByteCount(text.Substring(last.Index + last.Length));
            while (after < length && IsWhiteSpaceAt(stream, after)) after++;
            throw Error(stream, path, after, "unexpected data after the end of the document");
        }
        throw Error(stream, path, length, "it does not end with its end marker: the sync that wrote it did not finish, or the file was cut");
    }

    private static bool IsWhiteSpaceAt(Stream stream, long offset)
    {
        stream.Position = offset;
        var b = stream.ReadByte();
        return b is ' ' or '\t' or '\r' or '\n';
    }

    /// <summary>An error at a byte offset, with its line and position counted from the start (one sequential scan).</summary>
    private static SyncFileFormatException Error(Stream stream, string path, long offset, string reason)
    {
        stream.Position = 0;
        var buffer = new byte[64 * 1024];
        long line = 1, lineStart = 0, at = 0;
        while (at < offset)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, offset - at));
            if (read == 0) break;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n') continue;
                line++;
                lineStart = at + i + 1;
            }
            at += read;
        }
        return new SyncFileFormatException(path, line, offset - lineStart + 1, reason);
    }

    private static int ReadFully(Stream stream, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0) break;
            total += read;
        }
        return total;
    }
}
