using Referral.Grains.Abstractions.Referrals;
using Referral.Grains.Abstractions.Wallet;

namespace Referral.Grains.Referrals;

/// <summary>Turns one outbox line into the wallet call that pays it, idempotent by the line's key.</summary>
public static class RewardPayer
{
    public static async Task<WalletOutcome> Pay(IGrainFactory grains, RewardGrant grant, string reason, string sourceRef)
    {
        var wallet = grains.GetGrain<IRewardWalletGrain>(grant.Recipient);
        if (grant.Reward.Currency == RewardSpec.Code)
        {
            // One code from the pool, issued once per key: a retry returns the same code.
            return await wallet.GrantCode(new CodeGrantRequest(grant.Reward.CodePool ?? "", reason, sourceRef, grant.Key));
        }

        return await wallet.Grant(new WalletEntryRequest(grant.Reward.Currency, grant.Reward.Amount, reason, sourceRef, grant.Key));
    }
}
