namespace Referral.Grains.Referrals.Webhooks;

/// <summary>
/// The webhook grain's own inbox for attempt results. The HTTP request runs outside the grain's
/// turn (a slow receiver must not hold up enqueues or log reads), so its result comes back as a
/// grain call and is applied one call at a time like every other change.
/// </summary>
public interface IWebhookAttemptSink : IGrainWithStringKey
{
    Task Record(WebhookAttemptResult result);
}
