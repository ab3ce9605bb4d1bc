namespace Referral.Api.Auth;

/// <summary>Optional body of <c>POST /api/auth/logout</c>: a refresh token of the caller's whose session should end too.</summary>
public sealed record LogoutRequest(string? RefreshToken);
