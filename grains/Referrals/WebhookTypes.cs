namespace Referral.Grains.Referrals;

/// <summary>Webhook event types of the referral lifecycle.</summary>
public static class WebhookTypes
{
    public const string Pending = "referral.pending";
    public const string Approved = "referral.approved";
    public const string Rewarded = "referral.rewarded";
    public const string Rejected = "referral.rejected";
    public const string Reversed = "referral.reversed";
}
