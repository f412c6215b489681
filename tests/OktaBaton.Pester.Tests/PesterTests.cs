namespace OktaBaton.Pester.Tests;

/// <summary>
/// Each It of tests/pester/*.Tests.ps1, run in a real pwsh by Pester, as one test of `dotnet test` named by its
/// path: a failing It fails CI with its file, Describe/Context/It path and Pester's message.
/// </summary>
public sealed class PesterTests
{
    [PesterTest]
    public async Task It(string test)
    {
        if (test == PesterDiscovery.FailedKey)
        {
            var (tests, exit) = await PesterDiscovery.DiscoverAsync();
            Assert.Fail(tests.Count == 0 && exit.ExitCode == 0
                ? "tests/pester holds no Pester test"
                : $"Pester could not discover tests/pester (pwsh exited with {exit.ExitCode}):\n{exit.OutputTail}");
        }

        var run = await PesterSuite.RunAsync(PesterRecord.FileOf(test));
        run.AssertPassed(test);
    }
}
