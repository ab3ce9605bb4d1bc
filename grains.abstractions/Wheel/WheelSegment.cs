namespace Referral.Grains.Abstractions.Wheel;

/// <summary>
/// One segment of a wheel. <paramref name="Weight"/> is relative to the other segments'.
/// <paramref name="Stock"/> is how many times it may be won in all (null: unlimited); a segment
/// out of stock drops out of the draw and the others' odds are renormalised. A win of a
/// <paramref name="BigWin"/> segment is broadcast to everyone watching the wheel.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Wheel.WheelSegment")]
public sealed record WheelSegment(
    [property: Id(0)] string Id,
    [property: Id(1)] string Label,
    [property: Id(2)] string Colour,
    [property: Id(3)] WheelPrize Prize,
    [property: Id(4)] long Weight,
    [property: Id(5)] int? Stock,
    [property: Id(6)] bool BigWin);
