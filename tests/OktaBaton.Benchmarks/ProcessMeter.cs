using System.Diagnostics;
using System.Globalization;

namespace OktaBaton.Benchmarks;

/// <summary>CPU and wall time from the start of a phase, and the process's peak resident set.</summary>
internal sealed class ProcessMeter
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

    public void Fill(PhaseResult result)
    {
        result.WallSeconds = _wall.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        result.CpuSeconds = (self.TotalProcessorTime - _cpuAtStart).TotalSeconds;
        result.PeakRssBytes = PeakResidentBytes();
    }

    /// <summary>VmHWM from /proc/self/status (Linux); elsewhere the peak working set .NET reports.</summary>
    private static long PeakResidentBytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
