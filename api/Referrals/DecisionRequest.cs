namespace Referral.Api.Referrals;

/// <summary>Body of an admin decision on a referral: a note for the audit trail (required to reject or reverse).</summary>
public sealed record DecisionRequest(string? Note);
