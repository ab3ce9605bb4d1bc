namespace Referral.Grains.Abstractions.Accounts;

/// <summary>A user as the api shows it to that user (decrypted) and uses it for tokens.</summary>
[GenerateSerializer, Immutable, Alias("Referral.UserView")]
public sealed record UserView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Locale,
    [property: Id(3)] string? Email,
    [property: Id(4)] bool IsGuest,
    [property: Id(5)] IReadOnlyList<string> Roles,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] string? ReferralCode,
    [property: Id(8)] bool Deleted);
