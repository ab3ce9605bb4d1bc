namespace Referral.Grains.Abstractions.Referrals.Webhooks;

/// <summary>Where a campaign's events are POSTed, and the secret their signatures are keyed with.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.Webhooks.WebhookEndpoint")]
public sealed record WebhookEndpoint(
    [property: Id(0)] string Url,
    [property: Id(1)] string Secret)
{
    /// <summary>Without the secret, so a logged or printed endpoint never leaks it.</summary>
    public override string ToString() => $"WebhookEndpoint {{ Url = {Url}, Secret = *** }}";
}
