namespace Referral.Grains.Abstractions.Referrals;

/// <summary>
/// A referrer's answer to "may this referral be paid?": the grants to make (referrer, friend and
/// any milestone bonus), or the reason it may not (<c>cap</c>, <c>budget</c>, <c>campaign_not_live</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.RewardClaim")]
public sealed record RewardClaim(
    [property: Id(0)] bool Granted,
    [property: Id(1)] string? Reason,
    [property: Id(2)] IReadOnlyList<RewardGrant> Grants,
    [property: Id(3)] int? Milestone);
