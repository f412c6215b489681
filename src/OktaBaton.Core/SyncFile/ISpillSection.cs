using System;
using System.IO;

namespace OktaBaton.Core.SyncFile;

/// <summary>One array section of a lane, spilled to its own temporary file until the file is assembled.</summary>
internal interface ISpillSection : IDisposable
{
    string Path { get; }

    long Count { get; }

    /// <summary>Appends the section's items, separated, to the file being assembled.</summary>
    void CopyTo(Stream destination);
}
