namespace OktaBaton.Simulator;

/// <summary>A clock that runs a fixed offset from this machine's: an org whose clock is not the client's.</summary>
public sealed class OffsetClock(TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; } = offset;

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + Offset;
}
