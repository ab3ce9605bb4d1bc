namespace Referral.Grains.Abstractions.Wheel;

/// <summary>
/// The segment a roll landed on, and the effective weights it was mapped with (one per segment,
/// 0 for segments out of stock at that moment): with them anyone can recompute the draw.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Wheel.DrawResult")]
public sealed record DrawResult(
    [property: Id(0)] int SegmentIndex,
    [property: Id(1)] WheelSegment Segment,
    [property: Id(2)] IReadOnlyList<long> Weights);
