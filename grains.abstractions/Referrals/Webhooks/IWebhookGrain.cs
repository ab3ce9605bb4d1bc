namespace Referral.Grains.Abstractions.Referrals.Webhooks;

/// <summary>
/// One campaign's operator webhook, keyed by the campaign id as a string (a Guid in its "N" form,
/// see <see cref="WebhookKeys"/>): the endpoint, a persisted queue of events still to deliver, and
/// a bounded log of delivery attempts. Delivery is at least once, signed (HMAC-SHA256), retried
/// with exponential backoff, and resumes after a crash (a reminder is kept while the queue is not
/// empty). docs/webhooks.md describes the format receivers see.
/// </summary>
public interface IWebhookGrain : IGrainWithStringKey
{
    /// <summary>
    /// Sets the endpoint (the secret is encrypted at rest), or with null disables the webhook:
    /// events still queued are then logged as skipped. Throws <see cref="ArgumentException"/> when
    /// the URL is not absolute http/https or the secret is out of bounds (see <see cref="WebhookErrors"/>).
    /// </summary>
    Task Configure(WebhookEndpoint? endpoint);

    /// <summary>The URL and whether a secret is set; never the secret. Null when no endpoint is configured.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<WebhookEndpointView?> Endpoint();

    /// <summary>
    /// Queues <paramref name="evt"/> for delivery, persisted before this returns. False when an
    /// event with the same id was enqueued before (nothing changes). With no endpoint configured
    /// the event is only logged as skipped (and still remembered). Throws <see cref="ArgumentException"/>
    /// for an event without id or type, or whose <see cref="WebhookEvent.DataJson"/> is not one JSON value.
    /// </summary>
    Task<bool> Enqueue(WebhookEvent evt);

    /// <summary>Delivery attempts, newest first, and how many events wait in the queue.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<WebhookDeliveryPage> Deliveries(int skip, int take);
}
