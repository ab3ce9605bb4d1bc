namespace Referral.Grains.Referrals;

/// <summary>A friend on a referrer's list: who and when. The status is read from the friend's referral grain.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.FriendEntry")]
public sealed record FriendEntry(
    [property: Id(0)] Guid RefereeId,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset SignedUpAt);
