using System.Text.Json;
using OktaBaton.Core.Model;
using OktaBaton.Core.Sync;
using OktaBaton.Core.Tests.Sync;
using Xunit;

namespace OktaBaton.Core.Tests.Reliability;

/// <summary>A sync's summary counts its own requests and retries, not those of other commands sharing its connection.</summary>
[Trait("Suite", "Reliability")]
public sealed class SyncCountTests : IAsyncLifetime
{
    private SyncTestOrg _org = null!;

    public async Task InitializeAsync() => _org = await SyncTestOrg.StartAsync();

    public async Task DisposeAsync() => await _org.DisposeAsync();

    [Fact]
    public async Task ASyncCountsItsOwnRequestsWhileAnotherCommandUsesTheSameClient()
    {
        using var client = _org.Client();
        const int Others = 25;
        using var othersMayRun = new SemaphoreSlim(0);
        using var othersDone = new SemaphoreSlim(0);
        // another command on the same connection, started outside the sync: it runs while the sync waits for it
        var other = Task.Run(async () =>
        {
            await othersMayRun.WaitAsync();
            for (var i = 0; i < Others; i++) await client.GetAsync<JsonElement>("/api/v1/users?limit=1", CancellationToken.None);
            othersDone.Release();
        });
        _org.Host.ResetStats();

        var result = await new SyncEngine(client).RunAsync(_org.PathFor("sync.json"), new SyncOptions(), new InterleaveOnce(othersMayRun, othersDone), CancellationToken.None);
        await other;

        var sent = _org.Host.GetStats().TotalRequests;
        Assert.Equal(sent - Others, result.Requests);
        Assert.True(result.Requests > 10);
        Assert.Equal(0, result.Retries);
    }

    /// <summary>On the sync's first progress report, lets the other command run to completion inside the sync.</summary>
    private sealed class InterleaveOnce(SemaphoreSlim start, SemaphoreSlim done) : ISyncProgress
    {
        private int _reported;

        public void Report(string phase, long completed, long? total)
        {
            if (Interlocked.Exchange(ref _reported, 1) != 0) return;
            start.Release();
            done.Wait();
        }

        public void Warn(SyncWarning warning)
        {
        }
    }
}
