import type { CampaignOffer, RewardSpec } from "../../api/referrals";
import { formatDateTime, localeStore, t, type MessageKey } from "../../i18n";

/** A key that may have no translation: the fallback is shown as written. */
function optional(key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}

function rewardText(currency: string, amount: number): string {
  if (currency === "code") return plural("invite.reward.code", amount);
  return t("invite.reward.amount", { amount, currency: optional(`wallet.currency.${currency}`, currency) });
}

/** Rewards in words, one amount per currency ("120 points and 2 spins"). */
export function rewardsText(rewards: readonly RewardSpec[] | null | undefined): string {
  const totals = new Map<string, number>();
  for (const r of rewards ?? []) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.amount);
  const parts = [...totals].map(([currency, amount]) => rewardText(currency, amount));
  return new Intl.ListFormat(localeStore.get(), { style: "long", type: "conjunction" }).format(parts);
}

export function statusText(status: string): string {
  return optional(`invite.status.${status}`, status);
}

export function reasonText(reason: string | null): string | null {
  return reason ? optional(`invite.rejectReason.${reason}`, reason) : null;
}

/** Wallet ledger reasons written by the referral engine and other features. */
export function ledgerReasonText(reason: string): string {
  return optional(`invite.ledgerReason.${reason}`, reason);
}

export function currencyText(currency: string): string {
  return optional(`wallet.currency.${currency}`, currency);
}

/** When the friend counts: the campaign's qualifying event in words. */
export function qualifyingText(offer: CampaignOffer): string {
  switch (offer.qualifyingEvent) {
    case "FirstQuizCompleted": return t("invite.when.firstQuiz");
    case "QuizzesCompleted": return t("invite.when.quizzes", { count: offer.quizzesRequired });
    case "FirstWheelSpin": return t("invite.when.firstSpin");
    default: return t("invite.when.signup");
  }
}

export function endsText(offer: CampaignOffer): string | null {
  return offer.endsAt ? t("invite.endsAt", { when: formatDateTime(offer.endsAt) }) : null;
}

/** "{base}.one" or "{base}.other" by the language's plural rules (French counts 0 and 1 as one). */
export function plural(base: string, count: number, params: Record<string, string | number> = {}): string {
  const form = new Intl.PluralRules(localeStore.get()).select(count) === "one" ? "one" : "other";
  return t(`${base}.${form}` as MessageKey, { count, ...params });
}
