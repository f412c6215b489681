using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace OktaBaton.Benchmarks;

/// <summary>One phase as the parent saw it: the child's own figures plus the simulator's counters.</summary>
internal sealed class PhaseRun
{
    public required PhaseResult Measured { get; init; }
    public required long ServedRequests { get; init; }
    public required long Served429s { get; init; }
    public required int MaxInFlight { get; init; }
    public required SortedDictionary<string, long> ByBucket { get; init; }
    /// <summary>The fixed-window floor (<see cref="RateLimitFloor"/>); null without rate limits.</summary>
    public double? RateLimitFloorSeconds { get; set; }

    /// <summary>Runs the phase in a fresh child process so its CPU time and peak RSS are its own.</summary>
    public static async Task<PhaseRun> RunAsync(string phase, SimulatorProcess simulator, BenchmarkOptions options, params string[] extra)
    {
        await simulator.ResetStatsAsync().ConfigureAwait(false);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Paths.BenchmarkDll());
        foreach (var argument in new[]
        {
            "--child", phase, "--url", simulator.BaseUrl.ToString(),
            "--throttle-limit", options.ThrottleLimit.ToString(CultureInfo.InvariantCulture),
            "--share", options.Share.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var argument in extra) start.ArgumentList.Add(argument);
        start.Environment[Child.TokenVariable] = SimulatorProcess.Token;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the {phase} phase.");
        var output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (process.ExitCode != 0 || last is null)
        {
            throw new InvalidOperationException($"The {phase} phase failed (exit code {process.ExitCode}).");
        }
        var measured = JsonSerializer.Deserialize<PhaseResult>(last, Report.Json)!;
        var stats = await simulator.StatsAsync().ConfigureAwait(false);
        var byBucket = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var bucket in stats.GetProperty("byBucket").EnumerateObject()) byBucket[bucket.Name] = bucket.Value.GetInt64();
        return new PhaseRun
        {
            Measured = measured,
            ServedRequests = stats.GetProperty("totalRequests").GetInt64(),
            Served429s = stats.GetProperty("rateLimited").GetInt64(),
            MaxInFlight = stats.GetProperty("maxInFlight").GetInt32(),
            ByBucket = byBucket,
        };
    }
}
