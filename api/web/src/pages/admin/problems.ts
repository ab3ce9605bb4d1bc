import en from "../../i18n/en.json";
import { ApiError } from "../../api/http";
import { errorText, t, type MessageKey } from "../../i18n";

/** Field errors from a ProblemDetails answer: path → the rule, in the admin's language. */
export type FieldErrors = Record<string, string>;

/**
 * The server's field messages are English; the client shows the rule of the field instead
 * ("variants[0].referrerRewards[1].amount" → admin.rule.amount), or a generic sentence.
 */
export function ruleText(path: string): string {
  const leaf = path.replace(/\[\d+\]/g, "").split(".").pop() ?? "";
  const key = `admin.rule.${leaf}`;
  return key in en ? t(key as MessageKey) : t("admin.rule.generic");
}

export function toFieldErrors(error: ApiError): FieldErrors {
  const out: FieldErrors = {};
  for (const path of Object.keys(error.fields)) out[path] = ruleText(path);
  return out;
}

/** Turns a failed call into an alert text and the field errors to show next to their inputs. */
export function describe(error: unknown): { message: string; fields: FieldErrors } {
  if (error instanceof ApiError && Object.keys(error.fields).length) {
    return { message: t("admin.invalid"), fields: toFieldErrors(error) };
  }
  return { message: errorText(error instanceof ApiError ? error.code : ""), fields: {} };
}
