namespace Referral.Grains.Abstractions.Accounts;

/// <summary>
/// A refresh token (opaque; only its hash is stored) with its family and absolute expiry, and the
/// user as of now, from which the api mints the short-lived access token.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.SessionGrant")]
public sealed record SessionGrant(
    [property: Id(0)] string RefreshToken,
    [property: Id(1)] Guid FamilyId,
    [property: Id(2)] DateTimeOffset ExpiresAt,
    [property: Id(3)] UserView User)
{
    /// <summary>True when this grant's sign-in created the user (a guest's first sign-in).</summary>
    [Id(4)]
    public bool NewUser { get; init; }
}
