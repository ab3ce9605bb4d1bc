namespace Referral.Api.Referrals.Webhooks;

/// <summary>The <c>ping</c> event queued by the test endpoint: follow it in the delivery log.</summary>
public sealed record WebhookTestResponse(string EventId, string Type);
