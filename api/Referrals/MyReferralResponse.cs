using Referral.Grains.Abstractions.Referrals;

namespace Referral.Api.Referrals;

/// <summary>How the caller was referred (never who their referrer's other friends are).</summary>
public sealed record MyReferralResponse(
    Guid CampaignId,
    ReferralStatus Status,
    string? Reason,
    int QuizzesCompleted,
    DateTimeOffset SignedUpAt,
    DateTimeOffset? QualifiedAt,
    DateTimeOffset? RewardedAt)
{
    public static MyReferralResponse From(ReferralView v) =>
        new(v.CampaignId, v.Status, v.Reason, v.QuizzesCompleted, v.SignedUpAt, v.QualifiedAt, v.RewardedAt);
}
