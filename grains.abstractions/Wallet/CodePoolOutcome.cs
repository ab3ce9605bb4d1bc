namespace Referral.Grains.Abstractions.Wallet;

/// <summary>A result or a stable error code (see <see cref="CodePoolErrors"/>); <paramref name="Fields"/> names invalid fields.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Wallet.CodePoolOutcome`1")]
public sealed record CodePoolOutcome<T>(
    [property: Id(0)] T? Value,
    [property: Id(1)] string? Error,
    [property: Id(2)] string? Detail,
    [property: Id(3)] IReadOnlyDictionary<string, string[]>? Fields)
{
    public bool Ok => Error is null;
}
