using System;
using System.IO;

namespace OktaBaton.Core.Sync.Incremental;

/// <summary>
/// Splits a file into lines (without their "\n") in large chunks, handing each to a visitor with its byte offset: the
/// fast way through a sync file laid out as this module writes it, one item per line.
/// </summary>
internal static class FileLines
{
    public delegate void LineVisitor(ReadOnlySpan<byte> line, long offset);

    public static void Read(Stream stream, LineVisitor visit)
    {
        var buffer = new byte[1 << 20];
        int start = 0, end = 0;
        long offset = 0;
        stream.Position = 0;
        while (true)
        {
            var read = stream.Read(buffer, end, buffer.Length - end);
            end += read;
            var span = new ReadOnlySpan<byte>(buffer, start, end - start);
            int newline;
            while ((newline = span.IndexOf((byte)'\n')) >= 0)
            {
                visit(span.Slice(0, newline), offset);
                offset += newline + 1;
                start += newline + 1;
                span = span.Slice(newline + 1);
            }
            if (read == 0)
            {
                if (span.Length > 0) visit(span, offset);
                return;
            }
            // keep the unfinished line; grow only when one line fills the buffer
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
            if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        }
    }
}
