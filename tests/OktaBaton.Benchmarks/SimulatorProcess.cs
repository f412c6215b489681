using System.Diagnostics;
using System.Text.Json;

namespace OktaBaton.Benchmarks;

/// <summary>The simulator in its own process (so its CPU and memory never count against a phase) and its admin endpoints.</summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    public const string Token = "oktabaton-simulator-token";
    private readonly Process _process;
    private readonly HttpClient _admin;

    private SimulatorProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _admin = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(5) };
    }

    public Uri BaseUrl { get; }

    public static async Task<SimulatorProcess> StartAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Paths.SimulatorDll());
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the simulator.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        const string prefix = "Listening on ";
        if (line is null || !line.StartsWith(prefix, StringComparison.Ordinal))
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The simulator did not start (its first line: '{line}').");
        }
        _ = process.StandardOutput.ReadToEndAsync();
        return new SimulatorProcess(process, new Uri(line[prefix.Length..].Trim()));
    }

    public async Task ResetStatsAsync()
    {
        using var response = await _admin.PostAsync(new Uri("/__simulator/stats/reset", UriKind.Relative), null).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonElement> StatsAsync()
    {
        using var document = JsonDocument.Parse(await _admin.GetStringAsync(new Uri("/__simulator/stats", UriKind.Relative)).ConfigureAwait(false));
        return document.RootElement.Clone();
    }

    public async Task<Stream> StateAsync() =>
        await _admin.GetStreamAsync(new Uri("/__simulator/state", UriKind.Relative)).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        _process.Dispose();
    }
}

internal static class Paths
{
    /// <summary>bin/{Configuration}/net10.0 of this project → the simulator's build output of the same configuration.</summary>
    public static string SimulatorDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OktaBaton.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("Could not find OktaBaton.sln above the benchmark.");
        var dll = Path.Combine(root.FullName, "src", "OktaBaton.Simulator", "bin", configuration, framework, "OktaBaton.Simulator.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the simulator first: {dll} is missing.");
    }

    public static string BenchmarkDll() => typeof(Paths).Assembly.Location;
}
