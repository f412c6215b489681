using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// Creates files that only their owner may read or write (0600 on Unix), before any data goes in:
/// sync files hold personal data. netstandard2.0 has no File.SetUnixFileMode, so this uses it through
/// reflection where the runtime has it (.NET 7+) and chmod(2) otherwise.
/// </summary>
internal static class OwnerOnlyFile
{
    private const int OwnerReadWrite = 0x180; // octal 600

    private static readonly MethodInfo? SetUnixFileMode = typeof(File).GetMethod(
        "SetUnixFileMode", BindingFlags.Public | BindingFlags.Static, null,
        new[] { typeof(string), Type.GetType("System.IO.UnixFileMode") ?? typeof(void) }, null);

    public static FileStream CreateNew(string path, int bufferSize = 64 * 1024)
    {
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize);
        try
        {
            RestrictToOwner(path);
            return stream;
        }
        catch
        {
            stream.Dispose();
            File.Delete(path);
            throw;
        }
    }

    public static void RestrictToOwner(string path)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return;
        if (SetUnixFileMode is not null)
        {
            var mode = Enum.ToObject(SetUnixFileMode.GetParameters()[1].ParameterType, OwnerReadWrite);
            try
            {
                SetUnixFileMode.Invoke(null, new[] { path, mode });
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw ex.InnerException;
            }
            return;
        }
        if (chmod(path, OwnerReadWrite) != 0)
        {
            throw new IOException($"Could not restrict '{path}' to its owner (errno {Marshal.GetLastWin32Error()}).");
        }
    }

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
#pragma warning disable CA5392, CA2101, SYSLIB1054 // libc on Unix only; the path is passed as a plain C string
    private static extern int chmod(string path, int mode);
#pragma warning restore CA5392, CA2101, SYSLIB1054
}
