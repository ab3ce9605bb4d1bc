namespace Referral.Grains.Abstractions.Referrals;

/// <summary>A referral waiting for an admin's decision.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.ReviewItem")]
public sealed record ReviewItem(
    [property: Id(0)] Guid RefereeId,
    [property: Id(1)] Guid CampaignId,
    [property: Id(2)] Guid ReferrerId,
    [property: Id(3)] int FraudScore,
    [property: Id(4)] IReadOnlyList<FraudSignal> Signals,
    [property: Id(5)] DateTimeOffset QueuedAt);
