namespace Referral.Grains.Abstractions.Referrals.Webhooks;

/// <summary>A configured endpoint as operators may see it: the URL, never the secret.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.Webhooks.WebhookEndpointView")]
public sealed record WebhookEndpointView(
    [property: Id(0)] string Url,
    [property: Id(1)] bool HasSecret,
    [property: Id(2)] DateTimeOffset ConfiguredAt);
