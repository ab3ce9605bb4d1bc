namespace Referral.Grains.Abstractions.Referrals.Webhooks;

/// <summary>Grain keys of <see cref="IWebhookGrain"/>: one per campaign.</summary>
public static class WebhookKeys
{
    /// <summary>The key of a campaign's webhook: its id in the 32-digit "N" form.</summary>
    public static string For(Guid campaignId) => campaignId.ToString("N");
}
