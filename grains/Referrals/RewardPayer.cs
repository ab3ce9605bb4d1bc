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
            return WalletOutcome.Fail(WalletErrors.UnknownCurrency, "Reward codes are not available yet.");
        }

        return await wallet.Grant(new WalletEntryRequest(grant.Reward.Currency, grant.Reward.Amount, reason, sourceRef, grant.Key));
    }
}
