using Referral.Grains.Abstractions.Referrals.Webhooks;

namespace Referral.Grains.Referrals.Webhooks;

/// <summary>
/// One campaign's webhook as stored. The secret is Data Protection ciphertext only
/// (<see cref="Accounts.IPersonalDataProtector"/>), so no row of grain storage holds it in clear.
/// Queue, log and remembered ids are bounded by <see cref="WebhookOptions"/>, which bounds the row.
/// </summary>
[GenerateSerializer, Alias("Referral.Referrals.Webhooks.WebhookState")]
public sealed class WebhookState
{
    [Id(0)] public string? Url { get; set; }

    [Id(1)] public string? ProtectedSecret { get; set; }

    [Id(2)] public DateTimeOffset? ConfiguredAt { get; set; }

    /// <summary>Events not yet delivered or given up, oldest first.</summary>
    [Id(3)] public List<QueuedWebhook> Queue { get; set; } = new();

    /// <summary>Delivery log, oldest first.</summary>
    [Id(4)] public List<WebhookDelivery> Log { get; set; } = new();

    /// <summary>Ids of the most recent events enqueued, oldest first: the dedupe window.</summary>
    [Id(5)] public List<string> RecentIds { get; set; } = new();
}
