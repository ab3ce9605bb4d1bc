using System.Collections.Concurrent;
using Referral.Grains.Abstractions.Operations;

namespace Referral.Api.Operations;

/// <summary>
/// This node's share of the live operations figures, counted in process so the hot paths (hub
/// connects, signups) pay one interlocked add and no grain call. <see cref="OperationsReporter"/>
/// takes the counts every few seconds and sends them to the operations grain.
/// </summary>
public sealed class OperationsCounters(TimeProvider time)
{
    private readonly ConcurrentDictionary<DateOnly, DayCounter> _days = new();
    private int _connections;

    /// <summary>Open hub connections on this node.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public void Connected() => Interlocked.Increment(ref _connections);

    public void Disconnected() => Interlocked.Decrement(ref _connections);

    /// <summary>A new user (registered, or a guest seen for the first time). Upgrading a guest is not a new user.</summary>
    public void SignedUp() => Interlocked.Increment(ref Today().Signups);

    /// <summary>A signup (registration or guest upgrade) that came with a referral code and was attributed to a referrer.</summary>
    public void Referred() => Interlocked.Increment(ref Today().Referrals);

    /// <summary>Takes the counts since the last call (they are zeroed), per day.</summary>
    public IReadOnlyList<DayCount> Take()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var taken = new List<DayCount>();
        foreach (var (day, counter) in _days)
        {
            var signups = Interlocked.Exchange(ref counter.Signups, 0);
            var referrals = Interlocked.Exchange(ref counter.Referrals, 0);
            if (signups != 0 || referrals != 0)
            {
                taken.Add(new DayCount(day, signups, referrals));
            }

            // A signup racing this removal lands in a counter that is gone: at most one, once a day.
            if (day < today)
            {
                _days.TryRemove(day, out _);
            }
        }

        return taken;
    }

    /// <summary>Puts counts back after a report failed, so the next one carries them.</summary>
    public void Restore(IReadOnlyList<DayCount> counts)
    {
        foreach (var count in counts)
        {
            var counter = _days.GetOrAdd(count.Day, _ => new DayCounter());
            Interlocked.Add(ref counter.Signups, count.Signups);
            Interlocked.Add(ref counter.Referrals, count.Referrals);
        }
    }

    private DayCounter Today() => _days.GetOrAdd(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), _ => new DayCounter());

    private sealed class DayCounter
    {
        public long Signups;
        public long Referrals;
    }
}
