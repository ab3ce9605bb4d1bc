namespace Referral.Grains.Abstractions.Wallet;

/// <summary>
/// One append-only ledger line. <paramref name="Amount"/> is signed (grants positive, debits
/// negative); a reversal carries the id of the entry it cancels in <paramref name="ReversalOf"/>.
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
    [property: Id(7)] string? ReversalOf);
