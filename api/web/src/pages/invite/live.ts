import type { LeaderboardChanged, LeaderboardEntry, MyReferrals, ReferralActivity, ReferredFriend } from "../../api/referrals";

export interface Board {
  top: LeaderboardEntry[];
  own: LeaderboardEntry | null;
}

/**
 * Applies one referralActivity event to the page in place. Events about the user's own referral
 * (their welcome reward: refereeId is themselves) do not touch their list of friends.
 */
export function applyActivity(page: MyReferrals, a: ReferralActivity, me: string): MyReferrals {
  switch (a.kind) {
    case "link_clicked":
      return a.clicks != null && a.clicks > page.clicks ? { ...page, clicks: a.clicks } : page;
    case "milestone_reached":
      return a.milestone != null && !page.milestonesReached.includes(a.milestone)
        ? { ...page, milestonesReached: [...page.milestonesReached, a.milestone] }
        : page;
    default: {
      if (!a.refereeId || a.refereeId === me || !a.status) return page;
      const existing = page.friends.find((f) => f.refereeId === a.refereeId);
      const before = existing?.status;
      // A reward_credited event carries what the referrer got for this friend; a reversal takes it back.
      const rewards = a.kind === "reward_credited" && a.rewards ? a.rewards : a.status === "Reversed" ? [] : existing?.rewards ?? [];
      const friend: ReferredFriend = existing
        ? { ...existing, status: a.status, reason: a.reason, updatedAt: a.at, rewards }
        : { refereeId: a.refereeId, name: a.friendName ?? "", status: a.status, reason: a.reason, signedUpAt: a.at, updatedAt: a.at, rewards };
      const rewarded = page.rewarded + (a.status === "Rewarded" && before !== "Rewarded" ? 1 : 0) - (before === "Rewarded" && a.status !== "Rewarded" ? 1 : 0);
      return {
        ...page,
        rewarded,
        friends: existing ? page.friends.map((f) => (f.refereeId === a.refereeId ? friend : f)) : [friend, ...page.friends],
        friendsTotal: existing ? page.friendsTotal : page.friendsTotal + 1,
      };
    }
  }
}

/** A new leaderboard carries no "own" row: it is the user's row in the top, else the last one known. */
export function applyLeaderboard(board: Board | null, e: LeaderboardChanged, me: string): Board {
  return { top: e.top, own: e.top.find((x) => x.userId === me) ?? board?.own ?? null };
}
