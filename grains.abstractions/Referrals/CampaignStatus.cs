namespace Referral.Grains.Abstractions.Referrals;

/// <summary>A campaign's state. Only an <see cref="Active"/> campaign inside its window attributes signups and pays rewards.</summary>
public enum CampaignStatus
{
    Draft = 0,
    Active = 1,
    Paused = 2,
    Ended = 3,
}
