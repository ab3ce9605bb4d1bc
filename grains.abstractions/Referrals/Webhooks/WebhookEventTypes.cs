namespace Referral.Grains.Abstractions.Referrals.Webhooks;

/// <summary>Event type names sent to operator webhooks: part of the public contract (docs/webhooks.md).</summary>
public static class WebhookEventTypes
{
    public const string ReferralPending = "referral.pending";
    public const string ReferralApproved = "referral.approved";
    public const string ReferralRewarded = "referral.rewarded";
    public const string ReferralRejected = "referral.rejected";
    public const string ReferralReversed = "referral.reversed";

    /// <summary>Sent by <c>POST /api/admin/campaigns/{id}/webhook/test</c> to check an endpoint.</summary>
    public const string Ping = "ping";

    public static IReadOnlyList<string> All { get; } =
        [ReferralPending, ReferralApproved, ReferralRewarded, ReferralRejected, ReferralReversed, Ping];
}
