namespace Referral.Grains.Abstractions.Referrals;

/// <summary>One referred friend's referral: attribution, lifecycle, fraud assessment, payouts and history.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.ReferralView")]
public sealed record ReferralView(
    [property: Id(0)] Guid RefereeId,
    [property: Id(1)] Guid CampaignId,
    [property: Id(2)] Guid ReferrerId,
    [property: Id(3)] string Code,
    [property: Id(4)] string Variant,
    [property: Id(5)] ReferralStatus Status,
    [property: Id(6)] string? Reason,
    [property: Id(7)] DateTimeOffset SignedUpAt,
    [property: Id(8)] DateTimeOffset? QualifiedAt,
    [property: Id(9)] DateTimeOffset? ApprovedAt,
    [property: Id(10)] DateTimeOffset? RewardedAt,
    [property: Id(11)] int FraudScore,
    [property: Id(12)] FraudRisk Risk,
    [property: Id(13)] IReadOnlyList<FraudSignal> Signals,
    [property: Id(14)] bool ReviewRequired,
    [property: Id(15)] bool Reviewed,
    [property: Id(16)] IReadOnlyList<RewardGrant> Grants,
    [property: Id(17)] IReadOnlyList<AuditEntry> Audit,
    [property: Id(18)] int QuizzesCompleted,
    [property: Id(19)] string RefereeName);
