/** The wheel api's shapes (docs/wheel.md): odds, the player's view, spins, fairness, verify. */

export type PrizeKind = "Nothing" | "Points" | "Spins" | "Code";

export interface WheelPrize {
  kind: PrizeKind;
  amount: number;
  poolId: string | null;
}

export interface SegmentOdds {
  segmentId: string;
  label: string;
  colour: string;
  prize: WheelPrize;
  weight: number;
  effectiveWeight: number;
  probability: number;
  remaining: number | null;
  bigWin: boolean;
}

export interface WheelOdds {
  wheelId: string;
  name: string;
  sequence: number;
  open: boolean;
  costPerSpin: number;
  freeSpinsPerDay: number;
  dailyCap: number;
  activeFrom: string | null;
  activeUntil: string | null;
  totalWeight: number;
  segments: SegmentOdds[];
}

export interface FairnessView {
  serverSeedHash: string;
  clientSeed: string;
  nextNonce: number;
}

/** GET /api/wheels/{id}: the odds, the caller's use of the wheel today and their fairness state. */
export interface PlayerWheel {
  wheel: WheelOdds;
  today: { day: string; spinsToday: number; freeSpinsUsed: number };
  freeSpinsLeft: number;
  spinsLeftToday: number;
  fairness: FairnessView;
}

export interface SpinResult {
  spinId: string;
  wheelId: string;
  status: "completed" | "refunded";
  segmentIndex: number;
  segmentId: string | null;
  label: string | null;
  prize: WheelPrize | null;
  code: string | null;
  freeSpin: boolean;
  cost: number;
  serverSeedHash: string;
  serverSeed: string | null;
  clientSeed: string;
  nonce: number;
  roll: string;
  value: number;
  weights: number[];
  at: string;
}

export interface SpinHistoryPage {
  spins: SpinResult[];
  total: number;
}

export interface SeedRotation {
  revealedServerSeed: string;
  revealedServerSeedHash: string;
  spinsWithSeed: number;
  next: FairnessView;
}

export interface VerifyResponse {
  serverSeedHash: string;
  roll: string;
  value: number;
  segmentIndex: number;
}

export interface WheelStockChangedEvent {
  wheelId: string;
  sequence: number;
  segmentId: string;
  remaining: number | null;
  odds: WheelOdds;
}

export interface WheelBigWinEvent {
  wheelId: string;
  sequence: number;
  segmentId: string;
  label: string;
  prize: WheelPrize;
  at: string;
}
