namespace Referral.Grains.Abstractions.Referrals;

/// <summary>
/// A live referral event on a user's <c>user</c> stream, relayed to that user's SignalR
/// connections as <c>referralActivity</c>. <see cref="Kind"/> is one of <see cref="ReferralActivityKinds"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.ReferralActivity")]
public sealed record ReferralActivity(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] string Kind,
    [property: Id(2)] Guid? RefereeId,
    [property: Id(3)] string? FriendName,
    [property: Id(4)] ReferralStatus? Status,
    [property: Id(5)] string? Reason,
    [property: Id(6)] IReadOnlyList<RewardSpec>? Rewards,
    [property: Id(7)] int? Milestone,
    [property: Id(8)] long? Clicks,
    [property: Id(9)] DateTimeOffset At);
