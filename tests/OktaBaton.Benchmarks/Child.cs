using System.Globalization;
using System.Text.Json;
using OktaBaton.Core.Sync;

namespace OktaBaton.Benchmarks;

/// <summary>The child-process side: runs one phase and prints its <see cref="PhaseResult"/> as the last stdout line.</summary>
internal static class Child
{
    /// <summary>The token travels in the environment, never on a command line.</summary>
    public const string TokenVariable = "OKTABATON_BENCHMARK_TOKEN";

    public static async Task<int> RunAsync(string[] args)
    {
        string? phase = null, url = null, output = null, since = null;
        var throttle = 16;
        var share = 1.0;
        for (var i = 0; i < args.Length - 1; i++)
        {
            switch (args[i])
            {
                case "--child": phase = args[++i]; break;
                case "--url": url = args[++i]; break;
                case "--throttle-limit": throttle = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--share": share = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--output": output = args[++i]; break;
                case "--since": since = args[++i]; break;
            }
        }
        var token = Environment.GetEnvironmentVariable(TokenVariable);
        if (phase is null || url is null || string.IsNullOrEmpty(token))
        {
            await Console.Error.WriteLineAsync("A child phase needs --child, --url and the token in its environment.").ConfigureAwait(false);
            return 2;
        }
        var baseUrl = new Uri(url);
        var result = phase is Phase.Sync or Phase.SyncAfter or Phase.Refresh
            ? await SyncPhase.RunAsync(phase, baseUrl, token, throttle, share, output, since).ConfigureAwait(false)
            : await PlainPhase.RunAsync(phase, baseUrl, token, new SyncOptions().MaxConcurrency).ConfigureAwait(false);
        Console.WriteLine(JsonSerializer.Serialize(result, Report.Json));
        return 0;
    }
}
