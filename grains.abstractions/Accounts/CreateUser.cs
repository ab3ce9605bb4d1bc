namespace Referral.Grains.Abstractions.Accounts;

/// <summary>What a new user starts with. Email is null for guests.</summary>
[GenerateSerializer, Immutable, Alias("Referral.CreateUser")]
public sealed record CreateUser(
    [property: Id(0)] string DisplayName,
    [property: Id(1)] string Locale,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? ReferralCode,
    [property: Id(4)] IReadOnlyList<string> Roles);
