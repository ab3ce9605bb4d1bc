namespace Referral.Grains.Abstractions.Wallet;

/// <summary>
/// Grant one reward code from pool <paramref name="PoolId"/>. The wallet issues the code from the
/// pool under the key <c>{userId:N}:{IdempotencyKey}</c> (<see cref="CodePoolKeys.ForWallet"/>),
/// so a caller that reserved a code under that key beforehand gets that same code in the wallet.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Wallet.CodeGrantRequest")]
public sealed record CodeGrantRequest(
    [property: Id(0)] string PoolId,
    [property: Id(1)] string Reason,
    [property: Id(2)] string? SourceRef,
    [property: Id(3)] string IdempotencyKey);
