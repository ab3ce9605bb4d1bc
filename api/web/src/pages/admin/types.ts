/** The admin api's shapes (docs/referrals.md, docs/wheel.md, docs/protocol.md). */

export type CampaignStatus = "Draft" | "Active" | "Paused" | "Ended";
import type { MilestoneTier, QualifyingEvent, RewardSpec } from "../../api/referrals";

export type { MilestoneTier, QualifyingEvent, RewardSpec };
export const qualifyingEvents: QualifyingEvent[] = ["Signup", "FirstQuizCompleted", "QuizzesCompleted", "FirstWheelSpin"];

export interface OfferVariant {
  name: string;
  weight: number;
  referrerRewards: RewardSpec[];
  refereeRewards: RewardSpec[];
}

export interface CampaignRequest {
  name: string;
  startsAt: string | null;
  endsAt: string | null;
  qualifyingEvent: QualifyingEvent;
  quizzesRequired: number;
  attributionWindowSeconds: number;
  holdSeconds: number;
  perReferrerCap: number | null;
  budget: Record<string, number> | null;
  milestones: MilestoneTier[];
  variants: OfferVariant[];
  maxSignupsPerReferrerPerHour: number;
}

export interface CampaignResponse extends CampaignRequest {
  id: string;
  status: CampaignStatus;
  spent: Record<string, number>;
  rewardedReferrals: number;
  createdAt: string;
  updatedAt: string;
}

export interface FraudSignal {
  rule: string;
  points: number;
}

export interface ReviewItem {
  refereeId: string;
  campaignId: string;
  referrerId: string;
  fraudScore: number;
  signals: FraudSignal[];
  queuedAt: string;
}

export interface ReviewPage {
  items: ReviewItem[];
  total: number;
}

export type PrizeKind = "Nothing" | "Points" | "Spins" | "Code";
export const prizeKinds: PrizeKind[] = ["Nothing", "Points", "Spins", "Code"];

export interface WheelSegment {
  id: string;
  label: string;
  colour: string;
  prize: { kind: PrizeKind; amount: number; poolId: string | null };
  weight: number;
  stock: number | null;
  bigWin: boolean;
}

export interface WheelDefinition {
  name: string;
  segments: WheelSegment[];
  active: boolean;
  activeFrom: string | null;
  activeUntil: string | null;
  costPerSpin: number;
  freeSpinsPerDay: number;
  dailyCap: number;
}

export interface SegmentOdds {
  segmentId: string;
  label: string;
  weight: number;
  effectiveWeight: number;
  probability: number;
  remaining: number | null;
}

export interface WheelView {
  id: string;
  definition: WheelDefinition;
  odds: { open: boolean; totalWeight: number; segments: SegmentOdds[] };
  createdAt: string;
  updatedAt: string;
}

export interface OperationsView {
  at: string;
  day: string;
  playersOnline: number;
  activeRooms: number;
  signupsToday: number;
  referralsToday: number;
  apiNodes: number;
}
