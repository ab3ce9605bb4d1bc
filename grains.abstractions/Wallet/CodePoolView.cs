namespace Referral.Grains.Abstractions.Wallet;

/// <summary>A code pool as admins see it: counts only, never the codes themselves.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Wallet.CodePoolView")]
public sealed record CodePoolView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] int Total,
    [property: Id(4)] int Issued,
    [property: Id(5)] int Available,
    [property: Id(6)] DateTimeOffset CreatedAt);
