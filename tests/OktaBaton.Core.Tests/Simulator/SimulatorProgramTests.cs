using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Xunit;

namespace OktaBaton.Core.Tests.Simulator;

/// <summary>The simulator as a program: first stdout line, serving, clean stop on SIGTERM, bad flags.</summary>
public sealed class SimulatorProgramTests
{
    private static readonly string SimulatorDll = Path.Combine(AppContext.BaseDirectory, "OktaBaton.Simulator.dll");

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(SimulatorDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        return Process.Start(info)!;
    }

    [Fact]
    public async Task Prints_the_listening_line_first_serves_and_stops_on_sigterm()
    {
        using var process = Start("--org", "demo", "--port", "0", "--token", "program-test-token:read-only");
        try
        {
            var first = await process.StandardOutput.ReadLineAsync();
            Assert.NotNull(first);
            Assert.Matches(@"^Listening on http://127\.0\.0\.1:\d+$", first);
            var baseUrl = first!["Listening on ".Length..];

            using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("SSWS", "program-test-token");
            using var users = await client.GetAsync("/api/v1/users?limit=1");
            Assert.Equal(HttpStatusCode.OK, users.StatusCode);
            using var roles = await client.GetAsync("/api/v1/iam/assignees/users");
            Assert.Equal(HttpStatusCode.Forbidden, roles.StatusCode);

            using (var kill = Process.Start("kill", new[] { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            {
                await kill.WaitForExitAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.DoesNotContain("program-test-token", await process.StandardOutput.ReadToEndAsync());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Fact]
    public async Task Bad_flags_exit_2_with_a_message_on_stderr()
    {
        using var process = Start("--rate-limits", "sometimes");
        var stderr = await process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--rate-limits must be 'workforce' or 'unlimited'", stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
    }
}
