using System;
using System.IO;
using System.Runtime.InteropServices;

namespace OktaBaton.Core.IO;

/// <summary>
/// Tells a regular file from a directory, a symbolic link, a FIFO or a device before anything opens it: .NET reports
/// FIFOs and devices as ordinary files, and opening a FIFO blocks until someone writes to it.
/// </summary>
/// <remarks>
/// On Unix this asks the runtime's own native shim (libSystem.Native, shipped with every .NET Core / .NET 5+ runtime,
/// which PowerShell 7 runs on) for lstat/stat: its FileStatus begins with int32 Flags, int32 Mode, whose S_IFMT bits
/// are the POSIX file type. Where that is not available (Windows, .NET Framework) file attributes answer instead:
/// there a reparse point is a link and anything else that exists and is not a directory is a regular file.
/// </remarks>
public static class FileKinds
{
    private const int FileTypeMask = 0xF000;
    private static bool _nativeUnavailable;

    /// <summary>The kind of <paramref name="path"/> itself (a symbolic link is reported as one).</summary>
    public static FileKind Of(string path) => Probe(path, followLink: false);

    /// <summary>The kind of what <paramref name="path"/> leads to (a link to a regular file is a regular file).</summary>
    public static FileKind OfTarget(string path) => Probe(path, followLink: true);

    /// <summary>"a directory", "a FIFO (named pipe)", … — for messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "nothing",
        FileKind.RegularFile => "a regular file",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.NamedPipe => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "not a regular file",
    };

    private static FileKind Probe(string path, bool followLink)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && !_nativeUnavailable)
        {
            try
            {
                var status = new byte[512];
                var result = followLink ? NativeStat(path, status) : NativeLStat(path, status);
                return result != 0 ? FileKind.Missing : FromMode(BitConverter.ToInt32(status, 4));
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                _nativeUnavailable = true;
            }
        }

        return FromAttributes(path, followLink);
    }

    private static FileKind FromMode(int mode) => (mode & FileTypeMask) switch
    {
        0x1000 => FileKind.NamedPipe,
        0x2000 => FileKind.CharacterDevice,
        0x4000 => FileKind.Directory,
        0x6000 => FileKind.BlockDevice,
        0x8000 => FileKind.RegularFile,
        0xA000 => FileKind.SymbolicLink,
        0xC000 => FileKind.Socket,
        _ => FileKind.Other,
    };

    private static FileKind FromAttributes(string path, bool followLink)
    {
        if (path.StartsWith(@"\\.\", StringComparison.Ordinal) || path.StartsWith(@"\\?\GLOBALROOT", StringComparison.OrdinalIgnoreCase))
        {
            return FileKind.CharacterDevice;
        }

        FileAttributes attributes;
        try
        {
            attributes = File.GetAttributes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return FileKind.Missing;
        }

        if (!followLink && (attributes & FileAttributes.ReparsePoint) != 0) return FileKind.SymbolicLink;
        if ((attributes & FileAttributes.Directory) != 0) return FileKind.Directory;
        return (attributes & FileAttributes.Device) != 0 ? FileKind.CharacterDevice : FileKind.RegularFile;
    }

#pragma warning disable CA5392, CA2101, SYSLIB1054, CA1838 // the runtime's own shim, found beside the runtime; the path goes as UTF-8
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int NativeLStat(string path, [Out] byte[] status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int NativeStat(string path, [Out] byte[] status);
#pragma warning restore CA5392, CA2101, SYSLIB1054, CA1838
}
