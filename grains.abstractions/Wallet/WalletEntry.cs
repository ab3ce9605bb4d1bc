namespace Referral.Grains.Abstractions.Wallet;

/// <summary>
/// One append-only ledger line. <paramref name="Amount"/> is signed (grants positive, debits
/// negative); a reversal carries the id of the entry it cancels in <paramref name="ReversalOf"/>.
/// A reward code is an entry in <see cref="Currencies.Code"/> (amount 1, its reversal -1) that
/// names its pool and the code.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Wallet.WalletEntry")]
public sealed record WalletEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Currency,
    [property: Id(3)] long Amount,
    [property: Id(4)] string Reason,
    [property: Id(5)] string? SourceRef,
    [property: Id(6)] string IdempotencyKey,
    [property: Id(7)] string? ReversalOf,
    [property: Id(8)] string? PoolId = null,
    [property: Id(9)] string? Code = null);
