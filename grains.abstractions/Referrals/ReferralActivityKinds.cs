namespace Referral.Grains.Abstractions.Referrals;

/// <summary>Kinds of <see cref="ReferralActivity"/>.</summary>
public static class ReferralActivityKinds
{
    public const string LinkClicked = "link_clicked";
    public const string FriendJoined = "friend_joined";
    public const string StatusChanged = "status_changed";
    public const string RewardCredited = "reward_credited";
    public const string MilestoneReached = "milestone_reached";
}
