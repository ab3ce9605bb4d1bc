using Referral.Grains.Abstractions.Referrals.Webhooks;

namespace Referral.Grains.Referrals.Webhooks;

/// <summary>An event waiting for delivery, with its retry schedule.</summary>
[GenerateSerializer, Alias("Referral.Referrals.Webhooks.QueuedWebhook")]
public sealed class QueuedWebhook
{
    [Id(0)] public WebhookEvent Event { get; set; } = null!;

    /// <summary>Attempts made so far (all failed).</summary>
    [Id(1)] public int Attempts { get; set; }

    /// <summary>Not to be sent before this time.</summary>
    [Id(2)] public DateTimeOffset NextAttemptAt { get; set; }

    [Id(3)] public DateTimeOffset EnqueuedAt { get; set; }
}
