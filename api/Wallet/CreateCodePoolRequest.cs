namespace Referral.Api.Wallet;

/// <summary>Body of <c>POST /api/admin/code-pools</c>.</summary>
public sealed record CreateCodePoolRequest(string? Id, string? Name, string? Description);
