namespace Referral.Grains.Abstractions.Referrals.Webhooks;

/// <summary>
/// One line of the delivery log: attempt <paramref name="Attempt"/> (from 1; 0 for an event
/// skipped or dropped without being sent) of event <paramref name="EventId"/>, when it started,
/// the HTTP status or the error (timeout, connection refused, …), how long it took, and where the
/// event stood afterwards.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.Webhooks.WebhookDelivery")]
public sealed record WebhookDelivery(
    [property: Id(0)] string EventId,
    [property: Id(1)] string EventType,
    [property: Id(2)] int Attempt,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] int? StatusCode,
    [property: Id(5)] string? Error,
    [property: Id(6)] TimeSpan Duration,
    [property: Id(7)] DateTimeOffset? NextAttemptAt,
    [property: Id(8)] WebhookDeliveryState State);
