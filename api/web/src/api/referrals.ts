// Shapes of the referral api and hub events (docs/referrals.md). Names follow the server's camelCase JSON.

export type QualifyingEvent = "Signup" | "FirstQuizCompleted" | "QuizzesCompleted" | "FirstWheelSpin";
export type ReferralStatus = "Pending" | "Qualified" | "Approved" | "Rewarded" | "Rejected" | "Reversed";

/** points / spins, or currency "code": one reward code from a pool. */
export interface RewardSpec {
  currency: string;
  amount: number;
  codePool?: string | null;
}

export interface MilestoneTier {
  referrals: number;
  bonus: RewardSpec[];
}

/** GET /api/campaigns: a live campaign with the caller's own offer variant. */
export interface CampaignOffer {
  id: string;
  name: string;
  endsAt: string | null;
  qualifyingEvent: QualifyingEvent;
  quizzesRequired: number;
  attributionWindowSeconds: number;
  holdSeconds: number;
  perReferrerCap: number | null;
  variant: string;
  referrerRewards: RewardSpec[];
  refereeRewards: RewardSpec[];
  milestones: MilestoneTier[];
}

export interface ReferredFriend {
  refereeId: string;
  name: string;
  status: ReferralStatus;
  reason: string | null;
  signedUpAt: string;
  updatedAt: string;
  /** What this friend's referral pays the referrer (reward and any milestone bonus); empty before the claim and after a reversal. */
  rewards: RewardSpec[];
}

/** GET /api/me/referrals[/{campaignId}]: the caller's page for one campaign. */
export interface MyReferrals {
  campaign: CampaignOffer;
  code: string | null;
  link: string | null;
  clicks: number;
  rewarded: number;
  milestonesReached: number[];
  friends: ReferredFriend[];
  friendsTotal: number;
}

/** GET /api/me/referral: how the caller was referred. */
export interface MyReferral {
  campaignId: string;
  status: ReferralStatus;
}

export interface LeaderboardEntry {
  rank: number;
  userId: string;
  name: string;
  referrals: number;
}

/** GET /api/campaigns/{id}/leaderboard. */
export interface LeaderboardView {
  campaignId: string;
  top: LeaderboardEntry[];
  own: LeaderboardEntry | null;
  ranked: number;
}

export type ActivityKind = "link_clicked" | "friend_joined" | "status_changed" | "reward_credited" | "milestone_reached";

/** Hub event referralActivity. */
export interface ReferralActivity {
  campaignId: string;
  kind: ActivityKind;
  refereeId: string | null;
  friendName: string | null;
  status: ReferralStatus | null;
  reason: string | null;
  rewards: RewardSpec[] | null;
  milestone: number | null;
  clicks: number | null;
  at: string;
}

/** Hub event leaderboardChanged. */
export interface LeaderboardChanged {
  campaignId: string;
  top: LeaderboardEntry[];
  ranked: number;
  at: string;
}
