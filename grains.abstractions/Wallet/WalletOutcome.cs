namespace Referral.Grains.Abstractions.Wallet;

/// <summary>The entry written (or written before, for a repeated key), or a stable error code (see <see cref="WalletErrors"/>).</summary>
[GenerateSerializer, Immutable, Alias("Referral.Wallet.WalletOutcome")]
public sealed record WalletOutcome(
    [property: Id(0)] WalletEntry? Entry,
    [property: Id(1)] string? Error,
    [property: Id(2)] string? Detail)
{
    public bool Ok => Error is null;

    public static WalletOutcome Success(WalletEntry entry) => new(entry, null, null);

    public static WalletOutcome Fail(string error, string detail) => new(null, error, detail);
}
