namespace Referral.Grains.Abstractions.Accounts;

/// <summary>Registration with email and password; <paramref name="UserId"/> is chosen by the caller.</summary>
[GenerateSerializer, Immutable, Alias("Referral.RegisterAccount")]
public sealed record RegisterAccount(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] string Password,
    [property: Id(3)] string DisplayName,
    [property: Id(4)] string Locale,
    [property: Id(5)] string? ReferralCode,
    [property: Id(6)] bool GrantAdmin);
