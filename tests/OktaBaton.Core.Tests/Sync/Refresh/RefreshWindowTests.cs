using OktaBaton.Core.Sync;
using Xunit;
using Xunit.Abstractions;

namespace OktaBaton.Core.Tests.Sync.Refresh;

/// <summary>
/// The edges of a refresh's window: changes that land while a sync is running, and an org whose clock is far from
/// this machine's. A change made during a sync must be in that sync's file or in the next refresh — never lost —
/// and the window is set by Okta's clock, not ours.
/// </summary>
public sealed class RefreshWindowTests
{
    private readonly ITestOutputHelper _output;

    public RefreshWindowTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(1, -180)]
    [InlineData(2, 150)]
    [InlineData(3, -45)]
    [InlineData(4, 0)]
    public async Task ChangesMadeWhileASyncRunsAreInItsFileOrTheNext(int seed, int orgClockMinutesFromOurs)
    {
        var clock = new SteppedClock();
        clock.Advance(TimeSpan.FromMinutes(orgClockMinutesFromOurs));
        await using var org = await SyncTestOrg.StartAsync(o => o.OrgClock = clock);
        using var mutator = new OrgMutator(org.Host.BaseUrl, "tok-super-admin", seed);
        var options = new SyncOptions { SyncCustomRoles = true, SyncSecrets = true };

        // the earlier full sync: the org changes after its tenth answer, while its other requests go on
        var earlier = org.PathFor("earlier.json");
        using (var midSync = new ChangesAfterAnswers(10, () => mutator.ApplyAsync(5)))
        {
            await Engine(org, midSync).RunAsync(earlier, options, null, CancellationToken.None);
            Assert.True(midSync.Ran, "the sync finished before its tenth answer");
        }

        // a refresh, during which the org changes again
        clock.Advance(TimeSpan.FromMinutes(2));
        var refreshed = org.PathFor("refreshed.json");
        SyncResult during;
        using (var midRefresh = new ChangesAfterAnswers(3, () => mutator.ApplyAsync(5)))
        {
            during = await Engine(org, midRefresh).RefreshAsync(refreshed, earlier, options, null, CancellationToken.None);
            Assert.True(midRefresh.Ran, "the refresh finished before its third answer");
        }
        Assert.True(during.Mode == SyncMode.Incremental, during.ModeReason);

        // the next refresh, with the org still: it must hold every change, as a full sync of the org now does
        clock.Advance(TimeSpan.FromMinutes(1));
        var next = org.PathFor("next.json");
        var result = await Engine(org, null).RefreshAsync(next, refreshed, options, null, CancellationToken.None);
        var full = org.PathFor("full.json");
        await Engine(org, null).RunAsync(full, options, null, CancellationToken.None);

        var changes = string.Join("\n  ", mutator.Applied);
        _output.WriteLine($"seed {seed}, org clock {orgClockMinutesFromOurs:+0;-0;0} min: {result.Mode}, {result.Requests} requests\n  {changes}");
        Assert.True(result.Mode == SyncMode.Incremental, result.ModeReason);
        SyncFileEquality.AssertEqual(full, next, $"seed {seed}, org clock {orgClockMinutesFromOurs} min from ours, after changes during both syncs:\n  {changes}\n");
    }

    private static SyncEngine Engine(SyncTestOrg org, HttpMessageHandler? handler) =>
        new(org.Client(paceByRateLimits: false, handler: handler));

    /// <summary>
    /// Holds the <c>n</c>th answer the client receives until <c>change</c> has been made at the org: the change lands
    /// after that request was served and before the sync ends, while the sync's other requests carry on.
    /// </summary>
    private sealed class ChangesAfterAnswers : DelegatingHandler
    {
        private readonly int _after;
        private readonly Func<Task> _change;
        private int _answers;

        public ChangesAfterAnswers(int after, Func<Task> change)
            : base(new HttpClientHandler())
        {
            _after = after;
            _change = change;
        }

        public bool Ran { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (Interlocked.Increment(ref _answers) == _after)
            {
                await _change();
                Ran = true;
            }
            return response;
        }
    }
}
