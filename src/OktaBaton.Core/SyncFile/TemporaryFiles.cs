using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// The temporary files of the syncs running in this process (they hold personal data), deleted however the process
/// ends: a sync that fails or is cancelled deletes its own, and SIGTERM, SIGHUP (a CI job cancelled, `timeout`, a
/// closed terminal) and the process's exit delete whatever is left. Files a process left behind when it was killed
/// outright (SIGKILL) carry its id in their names; the next sync to the same path deletes them when that process is gone.
/// </summary>
internal static class TemporaryFiles
{
    private const string Marker = ".oktabaton-";
    private static readonly object Gate = new();
    private static readonly HashSet<string> Live = new(StringComparer.Ordinal);
    private static readonly int ProcessId = CurrentProcessId();
    private static List<IDisposable>? _signalRegistrations;

    /// <summary>The stem of a new sync's temporary files beside <paramref name="targetPath"/>: it names this process.</summary>
    public static string StemFor(string targetPath) =>
        targetPath + Marker + ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);

    public static void Add(string path)
    {
        lock (Gate)
        {
            EnsureCleanupOnExit();
            Live.Add(path);
        }
    }

    public static void Remove(string path)
    {
        lock (Gate) Live.Remove(path);
    }

    /// <summary>Deletes the temporary files a sync to <paramref name="targetPath"/> left when its process was killed.</summary>
    public static void DeleteLeftBy(string targetPath)
    {
        var directory = Path.GetDirectoryName(targetPath);
        if (directory is null) return;
        var prefix = Path.GetFileName(targetPath) + Marker;
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(directory, prefix + "*.tmp");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var file in candidates)
        {
            var rest = Path.GetFileName(file).Substring(prefix.Length);
            var dash = rest.IndexOf('-');
            if (dash <= 0 || !int.TryParse(rest.Substring(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var owner)) continue;
            if (owner == ProcessId || IsRunning(owner)) continue;
            TryDelete(file);
        }
    }

    private static void DeleteAll()
    {
        string[] paths;
        lock (Gate)
        {
            paths = new string[Live.Count];
            Live.CopyTo(paths);
        }

        foreach (var path in paths) TryDelete(path);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // another process's file we may not touch, or one already gone
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static int CurrentProcessId()
    {
        using var process = Process.GetCurrentProcess();
        return process.Id;
    }

    /// <summary>
    /// Once per process: the exit handler, and handlers for SIGTERM and SIGHUP that delete the files and then let the
    /// signal end the process as it would have. netstandard2.0 has no PosixSignalRegistration; .NET 6+ (PowerShell 7)
    /// has, so it is reached by reflection; Windows PowerShell 5.1 has no such signals.
    /// </summary>
    private static void EnsureCleanupOnExit()
    {
        if (_signalRegistrations is not null) return;
        _signalRegistrations = new List<IDisposable>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAll();
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return;
        var registration = Type.GetType("System.Runtime.InteropServices.PosixSignalRegistration, System.Runtime.InteropServices", throwOnError: false);
        var signal = Type.GetType("System.Runtime.InteropServices.PosixSignal, System.Runtime.InteropServices", throwOnError: false);
        var context = Type.GetType("System.Runtime.InteropServices.PosixSignalContext, System.Runtime.InteropServices", throwOnError: false);
        if (registration is null || signal is null || context is null) return;
        var create = registration.GetMethod("Create", BindingFlags.Public | BindingFlags.Static);
        if (create is null) return;
        var handler = Delegate.CreateDelegate(typeof(Action<>).MakeGenericType(context),
            typeof(TemporaryFiles).GetMethod(nameof(OnSignal), BindingFlags.NonPublic | BindingFlags.Static)!);
        foreach (var name in new[] { "SIGTERM", "SIGHUP" })
        {
            if (create.Invoke(null, new[] { Enum.Parse(signal, name), handler }) is IDisposable registered) _signalRegistrations.Add(registered);
        }
    }

    private static void OnSignal(object context) => DeleteAll();
}
