using Referral.Grains.Abstractions.Referrals.Webhooks;

namespace Referral.Api.Referrals.Webhooks;

/// <summary>One page of a campaign's webhook delivery log, newest first, and how many events wait.</summary>
public sealed record WebhookDeliveriesResponse(
    IReadOnlyList<WebhookDelivery> Deliveries,
    int Total,
    int Queued,
    int Skip,
    int Take);
