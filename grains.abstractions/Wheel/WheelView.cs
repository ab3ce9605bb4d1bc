namespace Referral.Grains.Abstractions.Wheel;

/// <summary>A wheel as admins see it: the definition as written, plus current stock and odds.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Wheel.WheelView")]
public sealed record WheelView(
    [property: Id(0)] string Id,
    [property: Id(1)] WheelDefinition Definition,
    [property: Id(2)] WheelOdds Odds,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset UpdatedAt);
