namespace Referral.Api.Wallet;

/// <summary>Body of <c>POST /api/admin/code-pools/{id}/codes</c>: up to 10,000 codes per request.</summary>
public sealed record AddCodesRequest(IReadOnlyList<string>? Codes);
