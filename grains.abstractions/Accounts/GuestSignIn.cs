namespace Referral.Grains.Abstractions.Accounts;

/// <summary>A guest's first (or returning) sign-in from a device.</summary>
[GenerateSerializer, Immutable, Alias("Referral.GuestSignIn")]
public sealed record GuestSignIn(
    [property: Id(0)] Guid NewUserId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Locale);
