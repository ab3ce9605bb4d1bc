namespace Referral.Grains.Abstractions.Referrals;

/// <summary>Stable error codes of campaigns and referrals (passed through to ProblemDetails <c>code</c>).</summary>
public static class ReferralErrors
{
    public const string CampaignNotFound = "campaign_not_found";
    public const string CampaignExists = "campaign_exists";
    public const string InvalidCampaign = "validation_failed";
    public const string InvalidTransition = "invalid_status_transition";
    public const string CampaignNotLive = "campaign_not_live";
    public const string UnknownCode = "unknown_referral_code";
    public const string ReferralNotFound = "referral_not_found";
    public const string AlreadyDecided = "already_decided";
    public const string InvalidState = "invalid_referral_state";
    public const string NotRegistered = "not_registered";
}
