using Referral.Grains.Abstractions.Referrals;

namespace Referral.Api.Referrals;

/// <summary>
/// Body of campaign create and update. Times are in seconds; <see cref="Variants"/> is the A/B
/// list, or leave it out and give <see cref="ReferrerRewards"/>/<see cref="RefereeRewards"/> for
/// a single offer.
/// </summary>
public sealed record CampaignRequest(
    string? Name,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    QualifyingEvent? QualifyingEvent,
    int? QuizzesRequired,
    long? AttributionWindowSeconds,
    long? HoldSeconds,
    int? PerReferrerCap,
    Dictionary<string, long>? Budget,
    List<MilestoneTier>? Milestones,
    List<OfferVariant>? Variants,
    List<RewardSpec>? ReferrerRewards,
    List<RewardSpec>? RefereeRewards,
    int? MaxSignupsPerReferrerPerHour)
{
    public static readonly TimeSpan DefaultAttributionWindow = TimeSpan.FromDays(30);
    public const int DefaultMaxSignupsPerHour = 20;

    /// <summary>The definition the grain validates (field errors come back under these names).</summary>
    public CampaignDefinition ToDefinition() => new(
        Name ?? "",
        StartsAt,
        EndsAt,
        QualifyingEvent ?? Grains.Abstractions.Referrals.QualifyingEvent.Signup,
        QuizzesRequired ?? 0,
        AttributionWindowSeconds is { } window ? Seconds(window) : DefaultAttributionWindow,
        HoldSeconds is { } hold ? Seconds(hold) : TimeSpan.Zero,
        PerReferrerCap,
        Budget,
        [.. (Milestones ?? []).Select(m => m with { Bonus = m.Bonus ?? [] })],
        Variants is { Count: > 0 }
            ? [.. Variants.Select(v => v with { ReferrerRewards = v.ReferrerRewards ?? [], RefereeRewards = v.RefereeRewards ?? [] })]
            : [new OfferVariant("default", 1, ReferrerRewards ?? [], RefereeRewards ?? [])],
        MaxSignupsPerReferrerPerHour ?? DefaultMaxSignupsPerHour);

    // Out-of-range seconds become a value the rules reject with a clear message.
    private static TimeSpan Seconds(long seconds) =>
        seconds is < 0 or > 100L * 365 * 24 * 3600 ? TimeSpan.FromSeconds(-1) : TimeSpan.FromSeconds(seconds);
}
