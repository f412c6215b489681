using System;
using System.IO;
using System.Threading;
using OktaBaton.Core.IO;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// One sync file, opened once and validated whole before anything is read from it: a query reads one whole, valid
/// file or nothing. Every <see cref="Read"/> reads the same open file from its start, so a sync that renames a new
/// file into place meanwhile cannot mix two syncs into one answer.
/// </summary>
/// <remarks>
/// Opening checks, in order: that the path is a regular file (a FIFO would block, a device never ends); the
/// encoding; the end marker in the last bytes (a cut or unfinished file fails here cheaply); then one streaming pass
/// over every item — its shape, the sections' order, the header's required fields, nothing after the end — with
/// duplicate resource, entitlement and grant ids refused. Memory stays flat: the duplicate check holds 8 bytes per
/// id, and an optional <see cref="SyncFileVisitor"/> sees each item of that pass (to build an index without a second one).
/// </remarks>
public sealed class SyncFileHandle : IDisposable
{
    private readonly FileStream _stream;
    private readonly long _length;
    private SyncFileReader? _activeReader;
    private bool _disposed;

    private SyncFileHandle(string path, FileStream stream, SyncFileHeader header, SyncFileTrailer trailer)
    {
        Path = path;
        _stream = stream;
        _length = stream.Length;
        Header = header;
        Trailer = trailer;
    }

    public string Path { get; }

    public SyncFileHeader Header { get; }

    /// <summary>Completion time, warnings (what the sync could not read) and statistics.</summary>
    public SyncFileTrailer Trailer { get; }

    /// <summary>
    /// Opens and validates a sync file. Throws <see cref="FileNotFoundException"/> when nothing is there,
    /// <see cref="OktaOperationException"/> (OktaSyncFilePathInvalid) for a directory, FIFO or device,
    /// <see cref="SyncFileFormatException"/> for anything that is not one whole, valid sync file of this version, and
    /// the usual I/O exceptions when the file cannot be read. <paramref name="cancellationToken"/> stops the validation
    /// between items (Ctrl+C on a big file).
    /// </summary>
    public static SyncFileHandle Open(string path, SyncFileVisitor? visitor = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A sync file path is required.", nameof(path));
        var fullPath = System.IO.Path.GetFullPath(path);
        RequireRegularFile(fullPath);
        var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        try
        {
            SyncFileEnds.CheckEncoding(stream, fullPath);
            var (header, trailer) = SyncFileValidation.Validate(stream, fullPath, visitor ?? SyncFileVisitor.None, cancellationToken);
            return new SyncFileHandle(fullPath, stream, header, trailer);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A reader from the start of this same open file. One reader at a time: dispose it before asking for the next.
    /// </summary>
    public SyncFileReader Read() => Read(ownsFile: false);

    internal SyncFileReader Read(bool ownsFile)
    {
        if (_disposed) throw new ObjectDisposedException(nameof(SyncFileHandle));
        if (_activeReader is not null) throw new InvalidOperationException("Dispose the previous reader of this sync file first.");
        if (_stream.Length != _length)
        {
            throw new SyncFileFormatException(Path, 1, 1, "the file changed while it was read (its length differs): something wrote into it in place; read it again");
        }
        _stream.Position = 0;
        SyncFileReader? reader = null;
        reader = new SyncFileReader(Path, _stream, () =>
        {
            if (ReferenceEquals(_activeReader, reader)) _activeReader = null;
            if (ownsFile) Dispose();
        });
        if (!string.Equals(reader.Header.SyncId, Header.SyncId, StringComparison.Ordinal))
        {
            reader.Dispose();
            throw new SyncFileFormatException(Path, 1, 1, $"the file changed while it was read (sync {Header.SyncId} became {reader.Header.SyncId}); read it again");
        }
        _activeReader = reader;
        return reader;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stream.Dispose();
    }

    /// <summary>Refuses a directory, FIFO, device or socket before opening it (opening a FIFO blocks until someone writes).</summary>
    private static void RequireRegularFile(string fullPath)
    {
        var kind = FileKinds.OfTarget(fullPath);
        switch (kind)
        {
            case FileKind.RegularFile:
                return;
            case FileKind.Missing:
                throw new FileNotFoundException($"The sync file '{fullPath}' does not exist.", fullPath);
            case FileKind.Directory:
                throw new OktaOperationException("OktaSyncFilePathInvalid", OktaFailureKind.InvalidArgument,
                    $"'{fullPath}' is a directory, not a sync file: give the path of a file Invoke-OktaSync wrote.");
            default:
                throw new OktaOperationException("OktaSyncFilePathInvalid", OktaFailureKind.InvalidArgument,
                    $"'{fullPath}' is {FileKinds.Describe(kind)}, not a sync file: a sync file is a regular file that Invoke-OktaSync wrote.");
        }
    }
}
