namespace Referral.Grains.Abstractions.Wheel;

/// <summary>
/// A player's spin asking the wheel for its segment. <paramref name="Roll"/> is the provably-fair
/// 64-bit number of the spin; <paramref name="PrizeKey"/> is the wallet key its prize will be
/// paid under (a code prize is reserved from its pool under that key at the draw).
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Wheel.DrawRequest")]
public sealed record DrawRequest(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string SpinId,
    [property: Id(2)] ulong Roll,
    [property: Id(3)] string PrizeKey);
