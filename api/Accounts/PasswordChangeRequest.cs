namespace Referral.Api.Accounts;

/// <summary>Body of <c>POST /api/me/password</c>.</summary>
public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword, string? Device);
