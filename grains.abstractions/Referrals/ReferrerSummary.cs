namespace Referral.Grains.Abstractions.Referrals;

/// <summary>A referrer's page for one campaign: their code, clicks, friends and what they earned.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.ReferrerSummary")]
public sealed record ReferrerSummary(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] string? Code,
    [property: Id(2)] string Variant,
    [property: Id(3)] long Clicks,
    [property: Id(4)] int Rewarded,
    [property: Id(5)] IReadOnlyList<int> MilestonesReached,
    [property: Id(6)] IReadOnlyList<ReferredFriend> Friends,
    [property: Id(7)] int FriendsTotal);
