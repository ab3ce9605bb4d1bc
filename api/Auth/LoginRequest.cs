namespace Referral.Api.Auth;

/// <summary>Body of <c>POST /api/auth/login</c>. <paramref name="Device"/> labels the session in the sessions list.</summary>
public sealed record LoginRequest(string? Email, string? Password, string? Device);
