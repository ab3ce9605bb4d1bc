namespace Referral.Grains.Accounts;

/// <summary>
/// One refresh-token family (RFC 9700): the SHA-256 of the current token's secret, and of recently
/// rotated ones so that presenting an old token is recognised as reuse.
/// </summary>
[GenerateSerializer, Alias("Referral.RefreshFamilyState")]
public sealed class RefreshFamilyState
{
    [Id(0)] public Guid Id { get; set; }

    /// <summary>The device label the user sees, as Data Protection ciphertext.</summary>
    [Id(1)] public string? ProtectedDevice { get; set; }

    [Id(2)] public DateTimeOffset CreatedAt { get; set; }

    [Id(3)] public DateTimeOffset LastUsedAt { get; set; }

    /// <summary>Absolute: rotation never extends it.</summary>
    [Id(4)] public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Empty once revoked: nothing of a revoked family can be used again.</summary>
    [Id(5)] public byte[] CurrentHash { get; set; } = [];

    /// <summary>Most recent last, bounded.</summary>
    [Id(6)] public List<byte[]> RotatedHashes { get; set; } = [];

    [Id(7)] public DateTimeOffset? RevokedAt { get; set; }

    public bool IsRevoked => RevokedAt is not null;
}
