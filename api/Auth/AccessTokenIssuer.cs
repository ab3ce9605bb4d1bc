using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Referral.Grains.Abstractions.Accounts;

namespace Referral.Api.Auth;

/// <summary>Mints HS256 access tokens for a user and one of their refresh-token families.</summary>
public sealed class AccessTokenIssuer(AuthKeys keys, AuthOptions options, TimeProvider time)
{
    // Times come from the injected clock, not the handler's.
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public AccessToken Issue(UserView user, Guid familyId)
    {
        ArgumentNullException.ThrowIfNull(user);
        // Whole seconds: exp is in seconds, and the expiry the response states must be the token's.
        var now = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        var expires = now + options.AccessTokenLifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            TokenType = TokenClaims.AccessTokenType,
            SigningCredentials = new SigningCredentials(keys.SigningKey, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                [TokenClaims.Subject] = user.Id.ToString(),
                [TokenClaims.SessionId] = familyId.ToString(),
                [TokenClaims.TokenId] = Guid.NewGuid().ToString("N"),
                [TokenClaims.Role] = user.Roles.ToArray(),
            },
        };
        return new AccessToken(_handler.CreateToken(descriptor), expires);
    }
}
