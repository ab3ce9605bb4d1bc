using Referral.Grains.Abstractions.Wheel;

namespace Referral.Grains.Wheel;

/// <summary>Stock and odds: which segments can be won now, and with what exact probability.</summary>
public static class WheelMath
{
    /// <summary>Stock left: null for unlimited, else stock − wins (never below 0).</summary>
    public static int? Remaining(WheelSegment segment, int won) =>
        segment.Stock is { } stock ? Math.Max(0, stock - won) : null;

    /// <summary>Each segment's weight, or 0 while it is out of stock (or its code pool ran dry).</summary>
    public static long[] EffectiveWeights(IReadOnlyList<WheelSegment> segments, Func<string, int> won, Func<string, bool> depleted)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var weights = new long[segments.Count];
        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            weights[i] = Remaining(s, won(s.Id)) == 0 || depleted(s.Id) ? 0 : s.Weight;
        }

        return weights;
    }

    public static IReadOnlyList<SegmentOdds> Odds(IReadOnlyList<WheelSegment> segments, IReadOnlyList<long> weights, Func<string, int> won)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(weights);
        var total = weights.Sum();
        return segments.Select((s, i) => new SegmentOdds(
            s.Id, s.Label, s.Colour, s.Prize, s.Weight, weights[i],
            total == 0 ? 0 : (double)weights[i] / total,
            Remaining(s, won(s.Id)), s.BigWin)).ToList();
    }
}
