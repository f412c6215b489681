using System;
using System.IO;
using System.Text.Json;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// One array section of the sync file (resources, entitlements or grants) written to its own temporary file,
/// one item per line, so that the engine can produce all three at once and memory stays flat.
/// </summary>
internal sealed class SpillSection : IDisposable
{
    private static readonly byte[] Separator = { (byte)',', (byte)'\n' };
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _writer;

    public SpillSection(string path)
    {
        Path = path;
        _stream = OwnerOnlyFile.CreateNew(path);
        _writer = new Utf8JsonWriter(_stream, SyncFileJson.WriterOptions);
    }

    public string Path { get; }

    public long Count { get; private set; }

    public void Add(Action<Utf8JsonWriter> writeItem)
    {
        if (Count > 0) _stream.Write(Separator, 0, Separator.Length);
        writeItem(_writer);
        _writer.Flush();
        _writer.Reset(_stream);
        Count++;
    }

    public void CopyTo(Stream destination)
    {
        _stream.Flush();
        _stream.Position = 0;
        _stream.CopyTo(destination, 81920);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }
}
