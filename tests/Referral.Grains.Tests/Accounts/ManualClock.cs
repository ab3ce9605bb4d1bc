namespace Referral.Grains.Tests.Accounts;

/// <summary>
/// A wall clock that only tests move (<see cref="Advance"/>), with real timers and timestamps.
/// </summary>
/// <remarks>
/// Not <c>FakeTimeProvider</c>: the silo's own membership and messaging code schedules its timers
/// on the registered TimeProvider, and with a fake one those fire only when a test advances it;
/// cluster start-up then failed now and again ("Could not find any gateway"). The grains only
/// read <see cref="GetUtcNow"/>, which is what must be exact.
/// </remarks>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _utcTicks, by.Ticks);
    }
}
