namespace Referral.Grains.Abstractions.Wallet;

/// <summary>
/// A user's reward wallet, keyed by user id: an append-only ledger whose balances never go
/// negative. Every change carries an idempotency key; repeating it returns the first result.
/// </summary>
public interface IRewardWalletGrain : IGrainWithGuidKey
{
    ValueTask<WalletOutcome> Grant(WalletEntryRequest request);

    /// <summary>Fails with <c>insufficient_funds</c> rather than letting a balance go negative.</summary>
    ValueTask<WalletOutcome> Debit(WalletEntryRequest request);

    /// <summary>Appends the opposite of entry <paramref name="entryId"/>; an entry is reversed at most once.</summary>
    ValueTask<WalletOutcome> Reverse(string entryId, string idempotencyKey, string reason);

    /// <summary>
    /// Issues one code from the request's pool to this wallet's user and records it in the ledger;
    /// idempotent by key like every entry. Fails with <c>out_of_stock</c> or <c>pool_not_found</c>.
    /// </summary>
    ValueTask<WalletOutcome> GrantCode(CodeGrantRequest request);

    /// <summary>The reward codes held (granted and not reversed), newest first.</summary>
    ValueTask<IReadOnlyList<RewardCode>> Codes();

    /// <summary>Balance per currency; every currency in <see cref="Currencies.All"/> is present.</summary>
    ValueTask<IReadOnlyDictionary<string, long>> Balances();

    ValueTask<WalletLedgerPage> Ledger(int skip, int take);
}
