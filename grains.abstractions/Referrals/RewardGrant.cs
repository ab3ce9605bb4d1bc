namespace Referral.Grains.Abstractions.Referrals;

/// <summary>
/// One wallet grant of a referral's payout (an outbox line). <paramref name="Key"/> is the wallet
/// idempotency key, so a retry after a crash pays once; <paramref name="EntryId"/> is set when
/// the wallet acknowledged it, <paramref name="ReversalEntryId"/> when it was clawed back.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.RewardGrant")]
public sealed record RewardGrant(
    [property: Id(0)] Guid Recipient,
    [property: Id(1)] string Role,
    [property: Id(2)] RewardSpec Reward,
    [property: Id(3)] string Key,
    [property: Id(4)] string? EntryId,
    [property: Id(5)] string? ReversalEntryId,
    [property: Id(6)] string? Error)
{
    public const string ReferrerRole = "referrer";
    public const string RefereeRole = "referee";
    public const string MilestoneRole = "milestone";
}
