namespace Referral.Grains.Abstractions.Referrals;

/// <summary>
/// One offer of an A/B test: what referrer and friend get. A referrer is assigned one variant for
/// the life of the campaign, deterministically from the campaign and user ids, in proportion to
/// <paramref name="Weight"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.OfferVariant")]
public sealed record OfferVariant(
    [property: Id(0)] string Name,
    [property: Id(1)] int Weight,
    [property: Id(2)] IReadOnlyList<RewardSpec> ReferrerRewards,
    [property: Id(3)] IReadOnlyList<RewardSpec> RefereeRewards);
