namespace Referral.Grains.Abstractions.Referrals;

/// <summary>
/// The rules of a referral campaign, as an admin writes them. Rewards are double-sided per
/// <see cref="Variants"/>; <see cref="PerReferrerCap"/> limits rewarded referrals per referrer;
/// <see cref="Budget"/> limits the total paid per currency (referrer, friend and milestone rewards together).
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.CampaignDefinition")]
public sealed record CampaignDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] DateTimeOffset? StartsAt,
    [property: Id(2)] DateTimeOffset? EndsAt,
    [property: Id(3)] QualifyingEvent QualifyingEvent,
    [property: Id(4)] int QuizzesRequired,
    [property: Id(5)] TimeSpan AttributionWindow,
    [property: Id(6)] TimeSpan Hold,
    [property: Id(7)] int? PerReferrerCap,
    [property: Id(8)] IReadOnlyDictionary<string, long>? Budget,
    [property: Id(9)] IReadOnlyList<MilestoneTier> Milestones,
    [property: Id(10)] IReadOnlyList<OfferVariant> Variants,
    [property: Id(11)] int MaxSignupsPerReferrerPerHour);
