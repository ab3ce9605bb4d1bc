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

    /// <summary>Balance per currency; every currency in <see cref="Currencies.All"/> is present.</summary>
    ValueTask<IReadOnlyDictionary<string, long>> Balances();

    ValueTask<WalletLedgerPage> Ledger(int skip, int take);
}
