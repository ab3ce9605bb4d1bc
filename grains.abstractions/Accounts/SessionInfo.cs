namespace Referral.Grains.Abstractions.Accounts;

/// <summary>One refresh-token family as its owner sees it (never the token or its hash).</summary>
[GenerateSerializer, Immutable, Alias("Referral.SessionInfo")]
public sealed record SessionInfo(
    [property: Id(0)] Guid FamilyId,
    [property: Id(1)] string? Device,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset LastUsedAt,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] bool Revoked);
