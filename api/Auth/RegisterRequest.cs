namespace Referral.Api.Auth;

/// <summary>
/// Body of <c>POST /api/auth/register</c>. <paramref name="Device"/> labels the session in the
/// sessions list; <paramref name="DeviceId"/> is the app's install id (as for guests), used only
/// as a keyed hash by the referral fraud rules.
/// </summary>
public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName, string? Locale, string? ReferralCode, string? Device, string? DeviceId = null);
