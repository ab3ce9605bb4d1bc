namespace Referral.Grains.Abstractions.Referrals;

/// <summary>Why a referral was rejected (stable codes shown to referrers, admins and webhooks).</summary>
public static class RejectReasons
{
    public const string SelfReferral = "self_referral";
    public const string AlreadyReferred = "already_referred";
    public const string Fraud = "fraud";
    public const string Expired = "expired";
    public const string Cap = "cap";
    public const string Budget = "budget";
    public const string CampaignNotLive = "campaign_not_live";
}
