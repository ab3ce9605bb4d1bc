namespace Referral.Grains.Abstractions.Referrals.Webhooks;

/// <summary>
/// An event for the operator's endpoint. <paramref name="Id"/> is the idempotency key (receivers
/// get it too, to drop repeats); <paramref name="Type"/> one of <see cref="WebhookEventTypes"/>;
/// <paramref name="DataJson"/> one JSON value, sent as the body's <c>data</c> exactly as given.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.Webhooks.WebhookEvent")]
public sealed record WebhookEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset OccurredAt,
    [property: Id(3)] string DataJson);
