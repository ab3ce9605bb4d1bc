namespace Referral.Grains.Abstractions.Wheel;

/// <summary>
/// A segment as players see it before they spin, with its exact current chance:
/// <paramref name="EffectiveWeight"/> / the wheel's total effective weight (0 while out of stock).
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Wheel.SegmentOdds")]
public sealed record SegmentOdds(
    [property: Id(0)] string SegmentId,
    [property: Id(1)] string Label,
    [property: Id(2)] string Colour,
    [property: Id(3)] WheelPrize Prize,
    [property: Id(4)] long Weight,
    [property: Id(5)] long EffectiveWeight,
    [property: Id(6)] double Probability,
    [property: Id(7)] int? Remaining,
    [property: Id(8)] bool BigWin);
