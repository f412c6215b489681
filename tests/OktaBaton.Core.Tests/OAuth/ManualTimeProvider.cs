using Xunit;
namespace OktaBaton.Core.Tests.OAuth;

/// <summary>A clock tests move by hand (shared by client and simulator, or deliberately not).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public ManualTimeProvider() : this(DateTimeOffset.UtcNow) { }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
