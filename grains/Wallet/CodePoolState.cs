using Referral.Grains.Abstractions.Wallet;

namespace Referral.Grains.Wallet;

/// <summary>
/// Codes in the order they were added; the first <see cref="IssuedCount"/> of them are handed out,
/// so the next code is always <c>Codes[IssuedCount]</c> and stock is <c>Codes.Count - IssuedCount</c>.
/// </summary>
[GenerateSerializer, Alias("Referral.Wallet.CodePoolState")]
public sealed class CodePoolState
{
    [Id(0)] public bool Created { get; set; }

    [Id(1)] public string Name { get; set; } = "";

    [Id(2)] public string? Description { get; set; }

    [Id(3)] public DateTimeOffset CreatedAt { get; set; }

    [Id(4)] public List<string> Codes { get; set; } = new();

    [Id(5)] public int IssuedCount { get; set; }

    /// <summary>Every issue by idempotency key: a repeated key answers from here.</summary>
    [Id(6)] public Dictionary<string, IssuedCode> Issues { get; set; } = new(StringComparer.Ordinal);
}
