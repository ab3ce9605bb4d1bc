import en from "./en.json";
import fr from "./fr.json";
import { createStore, useStore } from "../store";

export type Locale = "en" | "fr";
export type MessageKey = keyof typeof en;

const catalogs: Record<Locale, Record<string, string>> = { en, fr };
export const locales: readonly Locale[] = ["en", "fr"];
const storageKey = "referral.locale";

/** The saved choice, else the browser's first supported language, else English. */
function initialLocale(): Locale {
  const saved = localStorage.getItem(storageKey);
  if (saved === "en" || saved === "fr") return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const language = tag.toLowerCase().split("-")[0];
    if (language === "en" || language === "fr") return language;
  }
  return "en";
}

export const localeStore = createStore<Locale>(initialLocale());

function apply(locale: Locale) {
  document.documentElement.lang = locale;
  document.title = translate(locale, "app.title");
}

export function setLocale(locale: Locale) {
  localStorage.setItem(storageKey, locale);
  localeStore.set(locale);
  apply(locale);
}

function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  let text = catalogs[locale][key] ?? catalogs.en[key] ?? key;
  if (params) {
    for (const [name, value] of Object.entries(params)) {
      text = text.replaceAll(`{${name}}`, typeof value === "number" ? formatNumber(value) : value);
    }
  }
  return text;
}

/** Translates with the current language; {name} placeholders take params. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(localeStore.get(), key, params);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(localeStore.get()).format(value);
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(localeStore.get(), { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** Subscribes a component to language changes; returns the current language. */
export function useLocale(): Locale {
  return useStore(localeStore);
}

/** Server error codes have translations under "error.<code>"; unknown codes fall back to a generic sentence. */
export function errorText(code: string | undefined): string {
  const key = `error.${code}` as MessageKey;
  return code && key in catalogs.en ? t(key) : t("error.generic");
}

apply(localeStore.get());
