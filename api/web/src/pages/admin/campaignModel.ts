import type { CampaignRequest, CampaignResponse, RewardSpec } from "./types";

export const currencies = ["points", "spins", "code"] as const;
export const day = 86_400;
export const hour = 3_600;

export function blankReward(): RewardSpec {
  return { currency: "points", amount: 100, codePool: null };
}

export function blankCampaign(): CampaignRequest {
  return {
    name: "",
    startsAt: null,
    endsAt: null,
    qualifyingEvent: "Signup",
    quizzesRequired: 0,
    attributionWindowSeconds: 30 * day,
    holdSeconds: 0,
    perReferrerCap: null,
    budget: null,
    milestones: [],
    variants: [{ name: "default", weight: 1, referrerRewards: [blankReward()], refereeRewards: [] }],
    maxSignupsPerReferrerPerHour: 20,
  };
}

/** The editable part of a stored campaign. */
export function fromResponse(c: CampaignResponse): CampaignRequest {
  return {
    name: c.name,
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    qualifyingEvent: c.qualifyingEvent,
    quizzesRequired: c.quizzesRequired,
    attributionWindowSeconds: c.attributionWindowSeconds,
    holdSeconds: c.holdSeconds,
    perReferrerCap: c.perReferrerCap,
    budget: c.budget,
    milestones: c.milestones,
    variants: c.variants,
    maxSignupsPerReferrerPerHour: c.maxSignupsPerReferrerPerHour,
  };
}

/** Drops what the api does not want: pools on currency rewards, empty budgets. */
export function clean(c: CampaignRequest): CampaignRequest {
  const reward = (r: RewardSpec): RewardSpec => (r.currency === "code" ? { ...r, amount: 1 } : { currency: r.currency, amount: r.amount });
  const budget = Object.fromEntries(Object.entries(c.budget ?? {}).filter(([, v]) => Number.isFinite(v) && v > 0));
  return {
    ...c,
    name: c.name.trim(),
    budget: Object.keys(budget).length ? budget : null,
    quizzesRequired: c.qualifyingEvent === "QuizzesCompleted" ? c.quizzesRequired : 0,
    variants: c.variants.map((v) => ({ ...v, referrerRewards: v.referrerRewards.map(reward), refereeRewards: v.refereeRewards.map(reward) })),
    milestones: c.milestones.map((m) => ({ ...m, bonus: m.bonus.map(reward) })),
  };
}

/** An ISO instant as a datetime-local value in the browser's zone, and back. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  return value ? new Date(value).toISOString() : null;
}

/** A number input's value: null when empty. */
export function optionalNumber(value: string): number | null {
  return value.trim() === "" ? null : Number(value);
}
