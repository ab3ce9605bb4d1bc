namespace Referral.Api.Auth;

/// <summary>Body of <c>POST /api/auth/refresh</c>.</summary>
public sealed record RefreshRequest(string? RefreshToken);
