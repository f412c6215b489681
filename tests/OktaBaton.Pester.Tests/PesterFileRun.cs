using OktaBaton.Simulator;

namespace OktaBaton.Pester.Tests;

/// <summary>
/// Runs one Pester file in its own pwsh against its own freshly seeded demo org (an in-process simulator),
/// and answers for each of its tests. The fixture every file gets, as environment variables:
/// BATON_DOMAIN and BATON_API_TOKEN (a super-admin token: `Connect-Okta` with no parameters reaches the org),
/// OKTABATON_READONLY_TOKEN (a token with the read-only profile: no admin-role reads, no writes),
/// OKTABATON_SIMULATOR_URL (the simulator's admin endpoints: /__simulator/state, /__simulator/reset),
/// and PSModulePath starting with Pester and out/ (so `Import-Module OktaBaton` imports the build).
/// </summary>
internal sealed class PesterFileRun
{
    private static readonly TimeSpan FileTimeout = TimeSpan.FromMinutes(10);
    private readonly Dictionary<string, PesterRecord> _records;

    private PesterFileRun(string file, IReadOnlyList<PesterRecord> records, PwshExit exit)
    {
        File = file;
        Exit = exit;
        _records = records.GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public string File { get; }

    public PwshExit Exit { get; }

    public static async Task<PesterFileRun> RunAsync(string file)
    {
        var token = "pester-" + Guid.NewGuid().ToString("N");
        var readOnlyToken = "pester-read-only-" + Guid.NewGuid().ToString("N");
        var options = new SimulatorOptions { Org = "demo" };
        options.Tokens.Add(new SimulatorToken(token, "super-admin"));
        options.Tokens.Add(new SimulatorToken(readOnlyToken, "read-only"));
        await using var simulator = await SimulatorHost.StartAsync(options);

        var results = Path.Combine(Path.GetTempPath(), $"oktabaton-pester-{Guid.NewGuid():N}.json");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["BATON_DOMAIN"] = simulator.Domain,
                ["BATON_API_TOKEN"] = token,
                ["OKTABATON_READONLY_TOKEN"] = readOnlyToken,
                ["OKTABATON_SIMULATOR_URL"] = simulator.BaseUrl.GetLeftPart(UriPartial.Authority),
            };
            var exit = await Pwsh.RunAsync(
                RepoPaths.HostScript,
                ["-Run", Path.Combine(RepoPaths.PesterDirectory, file), "-Root", RepoPaths.PesterDirectory, "-ResultPath", results, "-PesterVersion", RepoPaths.PesterVersion],
                environment,
                FileTimeout);
            var records = System.IO.File.Exists(results) ? PesterRecord.ReadAll(results) : [];
            return new PesterFileRun(file, records, exit);
        }
        finally
        {
            System.IO.File.Delete(results);
        }
    }

    /// <summary>Fails, with Pester's own words, unless the test ran and passed, and its blocks set up and tore down cleanly.</summary>
    public void AssertPassed(string key)
    {
        if (Exit.TimedOut)
        {
            Assert.Fail($"{File} did not finish within {FileTimeout.TotalMinutes} minutes; pwsh was stopped. Its last output:\n{Exit.OutputTail}");
        }

        if (_records.TryGetValue(PesterRecord.FileKey(File), out var fileFailure))
        {
            Assert.Fail(string.Join("\n", fileFailure.Messages) + $"\n\npwsh output:\n{Exit.OutputTail}");
        }

        if (!_records.TryGetValue(key, out var record))
        {
            Assert.Fail($"{key} was discovered but has no result (pwsh exited with {Exit.ExitCode}). pwsh output:\n{Exit.OutputTail}");
        }

        var why = string.Join("\n", record.Messages);
        switch (record.Result)
        {
            case "Passed" when record.Messages.Count == 0:
                return;
            case "Passed":
                Assert.Fail(why);
                break;
            case "Skipped":
                Assert.Fail("skipped: CI runs every test (make it runnable here instead of -Skip or Set-ItResult)\n" + why);
                break;
            default:
                Assert.Fail($"{record.Result}: {why}");
                break;
        }
    }
}
