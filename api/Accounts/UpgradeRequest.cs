namespace Referral.Api.Accounts;

/// <summary>Body of <c>POST /api/me/upgrade</c>: the email login a guest account gets.</summary>
public sealed record UpgradeRequest(string? Email, string? Password, string? Device);
