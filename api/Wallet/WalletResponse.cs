using Referral.Grains.Abstractions.Wallet;

namespace Referral.Api.Wallet;

/// <summary>The caller's balances and one page of their ledger, newest first.</summary>
public sealed record WalletResponse(
    IReadOnlyDictionary<string, long> Balances,
    IReadOnlyList<WalletEntry> Entries,
    int Total,
    int Skip,
    int Take);
