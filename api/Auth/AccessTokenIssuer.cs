using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Referral.Grains.Abstractions.Accounts;

namespace Referral.Api.Auth;

/// <summary>
/// Mints HS256 access tokens (RFC 9068 <c>at+jwt</c>) for a user and one of their refresh-token
/// families. The compact form is written directly: a header fixed per signing key, the claims
/// with a <see cref="Utf8JsonWriter"/> into a reused buffer, base64url and HMAC-SHA256 over a
/// pooled array; the token string is the only allocation that stays. A token minting library
/// built a descriptor, a claims dictionary and several intermediate strings per token, a cost
/// every guest sign-in paid (docs/benchmarks.md). Any standard JWT library reads these tokens
/// (tested with Microsoft.IdentityModel's handler).
/// </summary>
public sealed class AccessTokenIssuer(AuthKeys keys, AuthOptions options, TimeProvider time)
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_payload;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly byte[] _header = AccessTokenFormat.EncodedHeader(keys.SigningKey.KeyId);
    private readonly byte[] _key = keys.SigningKey.Key;
    private readonly string _issuer = options.Issuer;
    private readonly string _audience = options.Audience;

    public AccessToken Issue(UserView user, Guid familyId)
    {
        ArgumentNullException.ThrowIfNull(user);

        // Whole seconds: exp is in seconds, and the expiry the response states must be the token's.
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var expires = DateTimeOffset.FromUnixTimeSeconds(now) + options.AccessTokenLifetime;

        var payload = t_payload ??= new ArrayBufferWriter<byte>(512);
        payload.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(payload);
        writer.Reset(payload);
        WriteClaims(writer, user, familyId, now, expires.ToUnixTimeSeconds());
        writer.Flush();

        return new AccessToken(AccessTokenFormat.Sign(_header, payload.WrittenSpan, _key), expires);
    }

    private void WriteClaims(Utf8JsonWriter writer, UserView user, Guid familyId, long now, long expires)
    {
        Span<byte> tokenId = stackalloc byte[32];
        Guid.NewGuid().TryFormat(tokenId, out _, "N");

        writer.WriteStartObject();
        writer.WriteString("iss"u8, _issuer);
        writer.WriteString("aud"u8, _audience);
        writer.WriteNumber("iat"u8, now);
        writer.WriteNumber("nbf"u8, now);
        writer.WriteNumber("exp"u8, expires);
        writer.WriteString("sub"u8, user.Id);
        writer.WriteString("sid"u8, familyId);
        writer.WriteString("jti"u8, tokenId);
        writer.WriteStartArray("role"u8);
        foreach (var role in user.Roles)
        {
            writer.WriteStringValue(role);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

/// <summary>The compact JWS form of our access tokens: <c>base64url(header).base64url(claims).base64url(HMAC-SHA256)</c>.</summary>
internal static class AccessTokenFormat
{
    public const string Algorithm = "HS256";

    public const int SignatureBytes = 32;

    /// <summary>The base64url header naming the algorithm, the signing key and the token type, as ASCII bytes.</summary>
    public static byte[] EncodedHeader(string? keyId)
    {
        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", Algorithm);
            if (keyId is not null)
            {
                writer.WriteString("kid", keyId);
            }

            writer.WriteString("typ", TokenClaims.AccessTokenType);
            writer.WriteEndObject();
        }

        return Encoding.ASCII.GetBytes(Base64Url.EncodeToString(json.ToArray()));
    }

    /// <summary>Signs <paramref name="claims"/> under <paramref name="encodedHeader"/> and returns the token.</summary>
    public static string Sign(ReadOnlySpan<byte> encodedHeader, ReadOnlySpan<byte> claims, ReadOnlySpan<byte> key)
    {
        var claimsLength = Base64Url.GetEncodedLength(claims.Length);
        var signingInputLength = encodedHeader.Length + 1 + claimsLength;
        var total = signingInputLength + 1 + Base64Url.GetEncodedLength(SignatureBytes);
        var rented = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            var token = rented.AsSpan(0, total);
            encodedHeader.CopyTo(token);
            token[encodedHeader.Length] = (byte)'.';
            Base64Url.EncodeToUtf8(claims, token.Slice(encodedHeader.Length + 1, claimsLength));
            token[signingInputLength] = (byte)'.';

            Span<byte> signature = stackalloc byte[SignatureBytes];
            HMACSHA256.HashData(key, token[..signingInputLength], signature);
            Base64Url.EncodeToUtf8(signature, token[(signingInputLength + 1)..]);
            return Encoding.ASCII.GetString(token);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
