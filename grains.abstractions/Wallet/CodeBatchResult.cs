namespace Referral.Grains.Abstractions.Wallet;

/// <summary>
/// What <see cref="ICodePoolGrain.AddCodes"/> did: codes added, codes skipped because the pool (or
/// the batch) had them already, and the first invalid ones (with <paramref name="InvalidCount"/> in all).
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Wallet.CodeBatchResult")]
public sealed record CodeBatchResult(
    [property: Id(0)] int Added,
    [property: Id(1)] int Duplicates,
    [property: Id(2)] int InvalidCount,
    [property: Id(3)] IReadOnlyList<string> Invalid,
    [property: Id(4)] int Available);
