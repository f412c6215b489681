using System;
using System.IO;

namespace OktaBaton.Core.SyncFile;

/// <summary>A sync file that is malformed, truncated, or of another format or version. Names where.</summary>
public sealed class SyncFileFormatException : IOException
{
    public SyncFileFormatException(string path, long lineNumber, long bytePositionInLine, string reason, Exception? inner = null, int? fileVersion = null)
        : base($"'{path}' is not a readable sync file: {reason} (line {lineNumber}, byte position {bytePositionInLine}).", inner)
    {
        FilePath = path;
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
        Reason = reason;
        FileVersion = fileVersion;
    }

    public string FilePath { get; }

    /// <summary>1-based line of the problem.</summary>
    public long LineNumber { get; }

    /// <summary>1-based byte position within that line.</summary>
    public long BytePositionInLine { get; }

    public string Reason { get; }

    /// <summary>Set when the file is a sync file of another format version (the problem is the version, not the bytes).</summary>
    public int? FileVersion { get; }
}
