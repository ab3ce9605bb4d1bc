namespace Referral.Api.Referrals.Webhooks;

/// <summary>The body of <c>PUT /api/admin/campaigns/{campaignId}/webhook</c>.</summary>
public sealed record WebhookRequest(string? Url, string? Secret);
