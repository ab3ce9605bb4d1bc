namespace Referral.Grains.Abstractions.Wheel;

/// <summary>Someone won a big-win segment (no player identity is broadcast).</summary>
[GenerateSerializer, Immutable, Alias("Referral.Wheel.WheelBigWin")]
public sealed record WheelBigWin(
    string WheelId,
    long Sequence,
    [property: Id(0)] string SegmentId,
    [property: Id(1)] string Label,
    [property: Id(2)] WheelPrize Prize,
    [property: Id(3)] DateTimeOffset At) : WheelEvent(WheelId, Sequence);
