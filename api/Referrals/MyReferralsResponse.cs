using Referral.Grains.Abstractions.Referrals;

namespace Referral.Api.Referrals;

/// <summary>The caller's referral page for one campaign: offer, code and link, clicks, friends, earnings.</summary>
public sealed record MyReferralsResponse(
    CampaignOffer Campaign,
    string? Code,
    string? Link,
    long Clicks,
    int Rewarded,
    IReadOnlyList<int> MilestonesReached,
    IReadOnlyList<ReferredFriend> Friends,
    int FriendsTotal);
