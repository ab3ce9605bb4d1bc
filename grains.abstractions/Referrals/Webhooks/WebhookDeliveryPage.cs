namespace Referral.Grains.Abstractions.Referrals.Webhooks;

/// <summary>
/// A page of the delivery log, newest first; <paramref name="Total"/> lines are kept (the oldest
/// go first beyond the limit) and <paramref name="Queued"/> events wait for delivery.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.Webhooks.WebhookDeliveryPage")]
public sealed record WebhookDeliveryPage(
    [property: Id(0)] IReadOnlyList<WebhookDelivery> Deliveries,
    [property: Id(1)] int Total,
    [property: Id(2)] int Queued);
