namespace Referral.Grains.Abstractions.Wallet;

/// <summary>A page of ledger entries, newest first, and the number of entries in the whole ledger.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Wallet.WalletLedgerPage")]
public sealed record WalletLedgerPage(
    [property: Id(0)] IReadOnlyList<WalletEntry> Entries,
    [property: Id(1)] int Total);
