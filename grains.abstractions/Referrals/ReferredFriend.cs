namespace Referral.Grains.Abstractions.Referrals;

/// <summary>One friend on a referrer's list: name, status and when it last changed.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.ReferredFriend")]
public sealed record ReferredFriend(
    [property: Id(0)] Guid RefereeId,
    [property: Id(1)] string Name,
    [property: Id(2)] ReferralStatus Status,
    [property: Id(3)] string? Reason,
    [property: Id(4)] DateTimeOffset SignedUpAt,
    [property: Id(5)] DateTimeOffset UpdatedAt);
