namespace Referral.Grains.Abstractions.Accounts;

/// <summary>Attach an email login to the guest <paramref name="UserId"/>, keeping its id and history.</summary>
[GenerateSerializer, Immutable, Alias("Referral.UpgradeGuest")]
public sealed record UpgradeGuest(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] string Password,
    [property: Id(3)] bool GrantAdmin);
