using OktaBaton.Core.Sync;
using Xunit;
using Xunit.Abstractions;

namespace OktaBaton.Core.Tests.Sync.Refresh;

/// <summary>
/// The promise of an incremental sync: after any mix of changes — through the API and through the Admin Console —
/// refreshing the earlier file writes the bytes a full sync of the same org writes (apart from ids, times and cost).
/// Each seed syncs, then changes the org and refreshes several rounds in a row, each refresh starting from the last.
/// More seeds: OKTABATON_REFRESH_SEEDS=200.
/// </summary>
public sealed class RefreshEqualityTests
{
    private readonly ITestOutputHelper _output;

    public RefreshEqualityTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Seeds()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("OKTABATON_REFRESH_SEEDS"), out var n) && n > 0 ? n : 6;
        return Enumerable.Range(1, count).Select(seed => new object[] { seed });
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task ARefreshAfterRandomChangesEqualsAFullSync(int seed)
    {
        var random = new Random(seed);
        var clock = new SteppedClock();
        // the demo org; a generated one; and (every sixth seed) one with enough groups (four pages) that a refresh reads
        // only the changed ones rather than listing them all
        var generated = seed % 3 == 0;
        var manyGroups = seed % 6 == 0;
        await using var org = await SyncTestOrg.StartAsync(o =>
        {
            o.OrgClock = clock;
            // Okta documents neither way a deleted user leaves its groups: the refresh must be right with both
            o.UserDeletionLogsMemberships = seed % 4 < 2;
            if (!generated) return;
            o.Org = "generated";
            o.Users = manyGroups ? 1200 : 450;
            o.Groups = manyGroups ? 650 : 30;
            o.Apps = 6;
            o.Seed = seed;
        });
        var options = new SyncOptions { SyncCustomRoles = seed % 2 == 1, SyncSecrets = seed % 4 != 0, SyncInactiveApps = seed % 5 == 0, SyncDevices = seed % 3 == 1 };
        // a client per sync, as separate runs have: each learns the org's clock afresh
        SyncEngine Engine() => new(org.Client(paceByRateLimits: false));
        using var mutator = new OrgMutator(org.Host.BaseUrl, "tok-super-admin", seed);
        var previous = org.PathFor("round0.json");
        await Engine().RunAsync(previous, options, null, CancellationToken.None);

        for (var round = 1; round <= 3; round++)
        {
            // sometimes within the overlap of the earlier sync's window, sometimes well past it
            clock.Advance(TimeSpan.FromMinutes(random.Next(2) == 0 ? random.Next(0, 5) : random.Next(15, 120)));
            var before = mutator.Applied.Count;
            await mutator.ApplyAsync(random.Next(2, 12));
            var changes = string.Join("\n  ", mutator.Applied.Skip(before));

            var refreshed = org.PathFor($"round{round}.json");
            var result = await Engine().RefreshAsync(refreshed, previous, options, null, CancellationToken.None);
            var full = org.PathFor($"full{round}.json");
            await Engine().RunAsync(full, options, null, CancellationToken.None);

            _output.WriteLine($"seed {seed} round {round}: {result.Mode} ({result.ModeReason}), {result.Requests} requests, saved {result.RequestsSaved}\n  {changes}");
            Assert.True(result.Mode == SyncMode.Incremental, $"seed {seed} round {round} fell back: {result.ModeReason}\n  {changes}");
            SyncFileEquality.AssertEqual(full, refreshed, $"seed {seed} round {round}, after:\n  {changes}\n");
            previous = refreshed;
        }
    }
}
