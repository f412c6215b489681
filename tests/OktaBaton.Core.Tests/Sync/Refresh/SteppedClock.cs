namespace OktaBaton.Core.Tests.Sync.Refresh;

/// <summary>An org clock that runs with this machine's but can be moved forward, so a test can put hours between syncs.</summary>
public sealed class SteppedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
