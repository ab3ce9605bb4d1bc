using Referral.Grains.Abstractions.Referrals;

namespace Referral.Grains.Referrals;

/// <summary>
/// A fault-injection point for tests only: the product never registers one. Called after a
/// wallet acknowledged a grant and before the referral records that, the worst moment to crash.
/// </summary>
public interface IReferralFaults
{
    ValueTask AfterGrant(Guid refereeId, RewardGrant grant);
}
