namespace Referral.Api.Auth;

/// <summary>Body of <c>POST /api/auth/register</c>. <paramref name="Device"/> labels the session in the sessions list.</summary>
public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName, string? Locale, string? ReferralCode, string? Device);
