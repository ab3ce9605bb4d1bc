namespace Referral.Grains.Abstractions.Wallet;

/// <summary>One code handed out by a pool, and to whom.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Wallet.IssuedCode")]
public sealed record IssuedCode(
    [property: Id(0)] string Code,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] string IdempotencyKey,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset At);
