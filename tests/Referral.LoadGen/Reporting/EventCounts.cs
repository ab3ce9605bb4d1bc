using System.Collections.Concurrent;

namespace Referral.LoadGen.Reporting;

/// <summary>Events and bytes the players received, by event name: shows fan-out the scenario did not ask for (e.g. playerCount).</summary>
public sealed class EventCounts
{
    private readonly ConcurrentDictionary<string, long[]> _counts = new(StringComparer.Ordinal);

    public void Add(string target, int bytes)
    {
        var slot = _counts.GetOrAdd(target, _ => new long[2]);
        Interlocked.Increment(ref slot[0]);
        Interlocked.Add(ref slot[1], bytes);
    }

    public SortedDictionary<string, EventCount> Snapshot() =>
        new(_counts.ToDictionary(c => c.Key, c => new EventCount(Interlocked.Read(ref c.Value[0]), Interlocked.Read(ref c.Value[1]))), StringComparer.Ordinal);
}
