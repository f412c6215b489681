namespace OktaBaton.Pester.Tests;

/// <summary>
/// Every test of every tests/pester/*.Tests.ps1 as Pester itself discovers it (data-driven tests included),
/// so a new file or It is picked up with no edit anywhere. One pwsh, run when xunit enumerates the tests.
/// </summary>
internal static class PesterDiscovery
{
    /// <summary>Stands in for every test when discovery itself failed; running it reports why.</summary>
    public const string FailedKey = "(discovery of tests/pester)";

    public static async Task<(IReadOnlyList<PesterRecord> Tests, PwshExit Exit)> DiscoverAsync()
    {
        var results = Path.Combine(Path.GetTempPath(), $"oktabaton-pester-discovery-{Guid.NewGuid():N}.json");
        try
        {
            var exit = await Pwsh.RunAsync(
                RepoPaths.HostScript,
                ["-Discover", RepoPaths.PesterDirectory, "-Root", RepoPaths.PesterDirectory, "-ResultPath", results, "-PesterVersion", RepoPaths.PesterVersion],
                new Dictionary<string, string>(),
                TimeSpan.FromMinutes(5));
            return (exit.ExitCode == 0 && File.Exists(results) ? PesterRecord.ReadAll(results) : [], exit);
        }
        finally
        {
            File.Delete(results);
        }
    }

    public static IEnumerable<string> Keys()
    {
        var (tests, exit) = DiscoverAsync().GetAwaiter().GetResult();
        return exit.ExitCode == 0 && tests.Count > 0 ? tests.Select(t => t.Key) : [FailedKey];
    }
}
