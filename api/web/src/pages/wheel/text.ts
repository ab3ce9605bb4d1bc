import { errorText, formatNumber, localeStore, t, type MessageKey } from "../../i18n";
import type { WheelPrize } from "./types";

/** Wheel refusals have their own sentences (wheel.error.<code>); other codes use the app's (error.<code>). */
export function wheelErrorText(code: string | undefined): string {
  const key = `wheel.error.${code}` as MessageKey;
  const text = t(key);
  return text === key ? errorText(code) : text;
}

/** What a prize pays, in words ("50 points", "2 spin tokens", "a reward code", "nothing"). */
export function prizeText(prize: WheelPrize | null | undefined): string {
  switch (prize?.kind) {
    case "Points": return t("wheel.prize.points", { amount: formatNumber(prize.amount) });
    case "Spins": return t("wheel.prize.spins", { amount: formatNumber(prize.amount) });
    case "Code": return t("wheel.prize.code");
    default: return t("wheel.prize.nothing");
  }
}

/** A probability as a percentage to 0.01 %; never rounds a possible win to 0 % or a possible miss to 100 %. */
export function percentText(probability: number): string {
  const format = new Intl.NumberFormat(localeStore.get(), { style: "percent", maximumFractionDigits: 2, minimumFractionDigits: 0 }).format;
  if (probability > 0 && probability < 0.0001) return `< ${format(0.0001)}`;
  if (probability < 1 && probability > 0.9999) return `> ${format(0.9999)}`;
  return format(probability);
}

/** A spin id the client makes up (docs/wheel.md: 1–64 letters, digits, '-', '_'); repeated as is on retry. */
export function newSpinId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
