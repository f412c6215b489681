using System.Collections.Concurrent;

namespace OktaBaton.Pester.Tests;

/// <summary>Runs each Pester file once however many of its tests ask, at most one file per core at a time.</summary>
internal static class PesterSuite
{
    private static readonly SemaphoreSlim Slots = new(Math.Max(1, Environment.ProcessorCount));
    private static readonly ConcurrentDictionary<string, Lazy<Task<PesterFileRun>>> Runs = new(StringComparer.Ordinal);

    public static Task<PesterFileRun> RunAsync(string file) =>
        Runs.GetOrAdd(file, f => new Lazy<Task<PesterFileRun>>(async () =>
        {
            await Slots.WaitAsync();
            try
            {
                return await PesterFileRun.RunAsync(f);
            }
            finally
            {
                Slots.Release();
            }
        })).Value;
}
