namespace Referral.Api.Auth;

/// <summary>
/// Body of <c>POST /api/auth/guest</c>. <paramref name="DeviceId"/> is a random value the app
/// generated once and keeps (at least 16 characters): the same device gets the same guest back.
/// </summary>
public sealed record GuestRequest(string? DisplayName, string? DeviceId, string? Locale, string? Device);
