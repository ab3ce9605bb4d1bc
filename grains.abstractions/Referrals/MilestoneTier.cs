namespace Referral.Grains.Abstractions.Referrals;

/// <summary>A bonus paid to the referrer once, when their rewarded referrals reach <paramref name="Referrals"/>.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.MilestoneTier")]
public sealed record MilestoneTier(
    [property: Id(0)] int Referrals,
    [property: Id(1)] IReadOnlyList<RewardSpec> Bonus);
