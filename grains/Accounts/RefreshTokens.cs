using System.Buffers.Text;
using System.Security.Cryptography;

namespace Referral.Grains.Accounts;

/// <summary>
/// The refresh-token format: <c>rt1.</c> + base64url(user id (16 bytes) | family id (16) | secret (32)).
/// The ids let the api route a token to its user grain without a lookup; only the secret's
/// SHA-256 is stored. The ids are not secret, the 256-bit secret is what authenticates.
/// </summary>
public static class RefreshTokens
{
    public const string Prefix = "rt1.";

    public const int SecretBytes = 32;

    private const int PayloadBytes = 16 + 16 + SecretBytes;

    // base64url without padding of 64 bytes.
    private static readonly int EncodedLength = Prefix.Length + Base64Url.GetEncodedLength(PayloadBytes);

    /// <summary>The user id and family id a token names, without checking its secret.</summary>
    public static bool TryParse(string? token, out Guid userId, out Guid familyId) =>
        TryParse(token, out userId, out familyId, out _);

    /// <summary>The ids and the secret; false for anything not in the format.</summary>
    public static bool TryParse(string? token, out Guid userId, out Guid familyId, out byte[] secret)
    {
        userId = familyId = Guid.Empty;
        secret = [];
        if (token is null || token.Length != EncodedLength || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var encoded = token.AsSpan(Prefix.Length);
        if (!Base64Url.IsValid(encoded, out var length) || length != PayloadBytes)
        {
            return false;
        }

        Span<byte> payload = stackalloc byte[PayloadBytes];
        Base64Url.DecodeFromChars(encoded, payload);

        userId = new Guid(payload[..16]);
        familyId = new Guid(payload[16..32]);
        secret = payload[32..].ToArray();
        return true;
    }

    /// <summary>A token for the family with a new random secret; <paramref name="secretHash"/> is what to store.</summary>
    public static string Create(Guid userId, Guid familyId, out byte[] secretHash)
    {
        Span<byte> payload = stackalloc byte[PayloadBytes];
        userId.TryWriteBytes(payload[..16]);
        familyId.TryWriteBytes(payload[16..32]);
        RandomNumberGenerator.Fill(payload[32..]);
        secretHash = HashSecret(payload[32..]);
        var token = Prefix + Base64Url.EncodeToString(payload);
        CryptographicOperations.ZeroMemory(payload);
        return token;
    }

    public static byte[] HashSecret(ReadOnlySpan<byte> secret) => SHA256.HashData(secret);
}
