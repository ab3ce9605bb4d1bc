using Referral.Grains.Abstractions.Referrals;

namespace Referral.Api.Referrals;

/// <summary>A campaign as admins see it.</summary>
public sealed record CampaignResponse(
    Guid Id,
    string Name,
    CampaignStatus Status,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    QualifyingEvent QualifyingEvent,
    int QuizzesRequired,
    long AttributionWindowSeconds,
    long HoldSeconds,
    int? PerReferrerCap,
    IReadOnlyDictionary<string, long>? Budget,
    IReadOnlyList<MilestoneTier> Milestones,
    IReadOnlyList<OfferVariant> Variants,
    int MaxSignupsPerReferrerPerHour,
    IReadOnlyDictionary<string, long> Spent,
    int RewardedReferrals,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static CampaignResponse From(CampaignView v)
    {
        var d = v.Definition;
        return new(v.Id, d.Name, v.Status, d.StartsAt, d.EndsAt, d.QualifyingEvent, d.QuizzesRequired,
            (long)d.AttributionWindow.TotalSeconds, (long)d.Hold.TotalSeconds, d.PerReferrerCap, d.Budget, d.Milestones,
            d.Variants, d.MaxSignupsPerReferrerPerHour, v.Spent, v.RewardedReferrals, v.CreatedAt, v.UpdatedAt);
    }
}
