using Referral.Grains.Abstractions.Referrals;
using Referral.Grains.Referrals;

namespace Referral.Api.Tests.Referrals;

/// <summary>
/// The fault hook of the crash test: after the wallet acknowledged the referrer's grant and before
/// the referral records it, every attempt "crashes" — the worst moment, the one that would pay
/// twice if the outbox or the wallet's keys were wrong.
/// </summary>
public sealed class CrashBetweenGrants : IReferralFaults
{
    private int _crashes;

    public int Crashes => Volatile.Read(ref _crashes);

    public ValueTask AfterGrant(Guid refereeId, RewardGrant grant)
    {
        if (grant.Role == RewardGrant.ReferrerRole)
        {
            Interlocked.Increment(ref _crashes);
            throw new InvalidOperationException("Injected crash between the referrer's and the friend's grants.");
        }

        return ValueTask.CompletedTask;
    }
}
