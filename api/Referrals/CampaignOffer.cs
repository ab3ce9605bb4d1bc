using Referral.Grains.Abstractions.Referrals;

namespace Referral.Api.Referrals;

/// <summary>A live campaign as a player sees it: the rules that matter to them and their own offer variant.</summary>
public sealed record CampaignOffer(
    Guid Id,
    string Name,
    DateTimeOffset? EndsAt,
    QualifyingEvent QualifyingEvent,
    int QuizzesRequired,
    long AttributionWindowSeconds,
    long HoldSeconds,
    int? PerReferrerCap,
    string Variant,
    IReadOnlyList<RewardSpec> ReferrerRewards,
    IReadOnlyList<RewardSpec> RefereeRewards,
    IReadOnlyList<MilestoneTier> Milestones)
{
    public static CampaignOffer From(CampaignView v, Guid userId)
    {
        var d = v.Definition;
        var variant = Grains.Referrals.OfferAssignment.Pick(v.Id, userId, d.Variants);
        return new(v.Id, d.Name, d.EndsAt, d.QualifyingEvent, d.QuizzesRequired, (long)d.AttributionWindow.TotalSeconds,
            (long)d.Hold.TotalSeconds, d.PerReferrerCap, variant.Name, variant.ReferrerRewards, variant.RefereeRewards, d.Milestones);
    }
}
