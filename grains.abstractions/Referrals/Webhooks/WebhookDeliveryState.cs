namespace Referral.Grains.Abstractions.Referrals.Webhooks;

/// <summary>Where an event stood after a logged attempt.</summary>
public enum WebhookDeliveryState
{
    /// <summary>This attempt failed; another is scheduled (see <see cref="WebhookDelivery.NextAttemptAt"/>).</summary>
    Pending = 0,

    /// <summary>The endpoint answered 2xx: done.</summary>
    Delivered = 1,

    /// <summary>Given up: the last allowed attempt failed, or the event was dropped from a full queue.</summary>
    Failed = 2,

    /// <summary>Not sent: no endpoint was configured (or it was removed while the event waited).</summary>
    Skipped = 3,
}
