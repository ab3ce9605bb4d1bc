namespace Referral.Grains.Abstractions.Wheel;

/// <summary>A segment's stock changed (a win, or an admin edit); <paramref name="Odds"/> are the wheel's new odds.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Wheel.WheelStockChanged")]
public sealed record WheelStockChanged(
    string WheelId,
    long Sequence,
    [property: Id(0)] string SegmentId,
    [property: Id(1)] int? Remaining,
    [property: Id(2)] WheelOdds Odds) : WheelEvent(WheelId, Sequence);
