namespace Referral.Api.Accounts;

/// <summary>Body of <c>PATCH /api/me</c>; a missing field is left as it is.</summary>
public sealed record ProfileUpdateRequest(string? DisplayName, string? Locale);
