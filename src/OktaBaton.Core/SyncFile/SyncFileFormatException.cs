using System;
using System.IO;

namespace OktaBaton.Core.SyncFile;

/// <summary>A sync file that is malformed, truncated, or of another format or version. Names where.</summary>
public sealed class SyncFileFormatException : IOException
{
    public SyncFileFormatException(string path, long lineNumber, long bytePositionInLine, string reason, Exception? inner = null)
        : base($"'{path}' is not a readable sync file: {reason} (line {lineNumber}, byte position {bytePositionInLine}).", inner)
    {
        FilePath = path;
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
        Reason = reason;
    }

    public string FilePath { get; }

    /// <summary>1-based line of the problem.</summary>
    public long LineNumber { get; }

    /// <summary>1-based byte position within that line.</summary>
    public long BytePositionInLine { get; }

    public string Reason { get; }
}
