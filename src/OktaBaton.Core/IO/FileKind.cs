namespace OktaBaton.Core.IO;

/// <summary>What is at a path, as the file system says (lstat(2) on Unix).</summary>
public enum FileKind
{
    Missing,
    RegularFile,
    Directory,
    SymbolicLink,
    NamedPipe,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}
