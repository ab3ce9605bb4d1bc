namespace Referral.Grains.Abstractions.Wallet;

/// <summary>A reward code the wallet holds (not reversed), as its owner sees it.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Wallet.RewardCode")]
public sealed record RewardCode(
    [property: Id(0)] string EntryId,
    [property: Id(1)] string PoolId,
    [property: Id(2)] string Code,
    [property: Id(3)] string Reason,
    [property: Id(4)] string? SourceRef,
    [property: Id(5)] DateTimeOffset At);
