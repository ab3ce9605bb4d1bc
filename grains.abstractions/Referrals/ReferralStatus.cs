namespace Referral.Grains.Abstractions.Referrals;

/// <summary>
/// Where a referred friend is: signed up (<see cref="Pending"/>) → <see cref="Qualified"/> →
/// <see cref="Approved"/> (after the hold, and the review when one is required) →
/// <see cref="Rewarded"/>; or <see cref="Rejected"/> with a reason; or <see cref="Reversed"/>
/// (rewards clawed back with reversing ledger entries). Clicks before signup are counted on the code.
/// </summary>
public enum ReferralStatus
{
    Pending = 0,
    Qualified = 1,
    Approved = 2,
    Rewarded = 3,
    Rejected = 4,
    Reversed = 5,
}
