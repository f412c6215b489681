using System.Diagnostics;
using System.Text;

namespace OktaBaton.Pester.Tests;

/// <summary>What one pwsh process did: its exit code and the tail of what it printed.</summary>
internal sealed record PwshExit(int ExitCode, bool TimedOut, string OutputTail);

/// <summary>
/// Starts the pwsh pinned in .config/dotnet-tools.json (`dotnet tool run pwsh`, restored by the build) with
/// no profile, no input, plain-text output and only the environment it is given on top of the machine's
/// (BATON_* and OKTABATON_* from outside are removed, so no real org is ever reached by accident).
/// </summary>
internal static class Pwsh
{
    private const int TailLines = 150;

    public static async Task<PwshExit> RunAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "tool", "run", "pwsh", "-NoLogo", "-NoProfile", "-NonInteractive", "-File", script }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("BATON_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("OKTABATON_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        start.Environment["PSModulePath"] = string.Join(Path.PathSeparator, RepoPaths.TestModules, RepoPaths.ModulesOut);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var tail = new Queue<string>();
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > TailLines)
                {
                    tail.Dequeue();
                }
            }
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        process.WaitForExit(); // drains the asynchronous output readers
        var text = new StringBuilder();
        lock (tail)
        {
            foreach (var line in tail)
            {
                text.AppendLine(line);
            }
        }

        return new PwshExit(timedOut ? -1 : process.ExitCode, timedOut, text.ToString());
    }
}
