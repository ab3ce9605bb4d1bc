namespace Referral.Api.Auth;

/// <summary>Claim names of access tokens (JWT registered names; inbound claim mapping is off).</summary>
public static class TokenClaims
{
    /// <summary>The user id.</summary>
    public const string Subject = "sub";

    /// <summary>The refresh-token family the token was minted for: logout revokes it.</summary>
    public const string SessionId = "sid";

    public const string TokenId = "jti";

    public const string Role = "role";

    public const string Expires = "exp";

    /// <summary>RFC 9068 type of JWT access tokens: refuses any other kind of JWT signed with the same key.</summary>
    public const string AccessTokenType = "at+jwt";
}
