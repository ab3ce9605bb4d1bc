using Referral.Grains.Abstractions.Wallet;

namespace Referral.Grains.Wallet;

/// <summary>
/// The whole ledger lives in grain state (oldest first), so memory and the stored row grow with
/// it; a ledger table with paged reads is future work. Idempotency keys are stored in the entries
/// themselves, so they survive deactivation and restarts with them.
/// </summary>
[GenerateSerializer, Alias("Referral.Wallet.RewardWalletState")]
public sealed class RewardWalletState
{
    [Id(0)] public List<WalletEntry> Entries { get; set; } = new();

    /// <summary>Cached sum of <see cref="Entries"/> per currency, updated in the same write.</summary>
    [Id(1)] public Dictionary<string, long> Balances { get; set; } = new();
}
