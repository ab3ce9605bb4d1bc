namespace Referral.Api.Accounts;

/// <summary>
/// Body of <c>POST /api/me/upgrade</c>: the email login a guest account gets. Upgrading is the
/// guest's signup, so it may carry a referral code and the app's install id.
/// </summary>
public sealed record UpgradeRequest(string? Email, string? Password, string? Device, string? ReferralCode = null, string? DeviceId = null);
