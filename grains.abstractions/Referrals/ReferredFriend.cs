namespace Referral.Grains.Abstractions.Referrals;

/// <summary>
/// One friend on a referrer's list: name, status, when it last changed, and what this friend's
/// referral pays the referrer (<paramref name="Rewards"/>: the referrer reward and any milestone
/// bonus it reached; empty until the claim is granted, and again after a reversal).
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.ReferredFriend")]
public sealed record ReferredFriend(
    [property: Id(0)] Guid RefereeId,
    [property: Id(1)] string Name,
    [property: Id(2)] ReferralStatus Status,
    [property: Id(3)] string? Reason,
    [property: Id(4)] DateTimeOffset SignedUpAt,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] IReadOnlyList<RewardSpec> Rewards);
