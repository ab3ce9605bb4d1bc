using Referral.Api.Accounts;

namespace Referral.Api.Auth;

/// <summary>
/// A signed-in session: a short-lived access token (send as <c>Authorization: Bearer</c>), the
/// refresh token that replaces it (single use: each refresh returns a new one), and the user.
/// </summary>
public sealed record AuthResponse(
    string AccessToken,
    string TokenType,
    int ExpiresIn,
    DateTimeOffset AccessTokenExpiresAt,
    string RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt,
    Guid SessionId,
    UserResponse User);
