using Referral.Grains.Abstractions.Wallet;

namespace Referral.Api.Wallet;

/// <summary>The caller's balances, one page of their ledger (newest first) and every reward code they hold.</summary>
public sealed record WalletResponse(
    IReadOnlyDictionary<string, long> Balances,
    IReadOnlyList<WalletEntry> Entries,
    int Total,
    int Skip,
    int Take,
    IReadOnlyList<RewardCode> Codes);
