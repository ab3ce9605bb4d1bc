namespace Referral.Grains.Abstractions.Wallet;

/// <summary>
/// A grant or debit. <paramref name="Amount"/> is positive in both cases (the wallet signs it);
/// <paramref name="IdempotencyKey"/> makes a retry return the first result.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Wallet.WalletEntryRequest")]
public sealed record WalletEntryRequest(
    [property: Id(0)] string Currency,
    [property: Id(1)] long Amount,
    [property: Id(2)] string Reason,
    [property: Id(3)] string? SourceRef,
    [property: Id(4)] string IdempotencyKey);
