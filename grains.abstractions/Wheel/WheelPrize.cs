namespace Referral.Grains.Abstractions.Wheel;

/// <summary>A segment's prize: an amount for points and spins, a code pool for codes, nothing for <see cref="PrizeKind.Nothing"/>.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Wheel.WheelPrize")]
public sealed record WheelPrize(
    [property: Id(0)] PrizeKind Kind,
    [property: Id(1)] long Amount,
    [property: Id(2)] string? PoolId);
