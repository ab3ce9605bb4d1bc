using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Referral.Testing;

/// <summary>
/// Access tokens minted by the test itself, valid by default for a <see cref="ReferralApiFactory"/>
/// (same key, issuer, audience, type), so each test changes exactly one thing and sees it refused.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "referral";
    public const string Audience = "referral-api";

    public static string Mint(
        Guid userId,
        IReadOnlyList<string> roles,
        DateTimeOffset? issuedAt = null,
        TimeSpan? lifetime = null,
        byte[]? key = null,
        string keyId = ReferralApiFactory.SigningKeyId,
        string issuer = Issuer,
        string audience = Audience,
        string tokenType = "at+jwt",
        Guid? sessionId = null)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var now = issuedAt ?? DateTimeOffset.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + (lifetime ?? TimeSpan.FromMinutes(5))).UtcDateTime,
            TokenType = tokenType,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? ReferralApiFactory.SigningKey) { KeyId = keyId }, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = userId.ToString(),
                ["sid"] = (sessionId ?? Guid.NewGuid()).ToString(),
                ["jti"] = Guid.NewGuid().ToString("N"),
                ["role"] = roles.ToArray(),
            },
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>The same token with its payload replaced by <paramref name="edit"/> of the decoded JSON, signature kept.</summary>
    public static string WithPayload(string token, Func<string, string> edit)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(edit);
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]);
        parts[1] = Base64UrlEncoder.Encode(edit(payload));
        return string.Join('.', parts);
    }

    /// <summary>The token's claims under an unsigned header (<c>alg: none</c>) and an empty signature.</summary>
    public static string WithAlgNone(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('.');
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + ReferralApiFactory.SigningKeyId + "\"}");
        return header + "." + parts[1] + ".";
    }
}
