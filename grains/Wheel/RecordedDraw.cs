using Referral.Grains.Abstractions.Wheel;

namespace Referral.Grains.Wheel;

[GenerateSerializer, Immutable, Alias("Referral.Wheel.RecordedDraw")]
public sealed record RecordedDraw(
    [property: Id(0)] DrawResult Result,
    [property: Id(1)] DateTimeOffset At);
