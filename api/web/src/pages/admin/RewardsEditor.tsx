import type { RewardSpec } from "./types";
import { blankReward, currencies } from "./campaignModel";
import { t, type MessageKey } from "../../i18n";

/**
 * The rewards of one side of an offer, or of a milestone: currency, amount, code pool. A plain
 * function rather than a component, so the form knows which field errors it placed while rendering.
 */
export function rewardsEditor(opts: {
  id: string;
  path: string;
  legend: string;
  rewards: RewardSpec[];
  onChange: (rewards: RewardSpec[]) => void;
  err: (path: string) => string | null;
}) {
  const { id, path, legend, rewards, onChange, err } = opts;
  const set = (i: number, r: RewardSpec) => onChange(rewards.map((x, j) => (j === i ? r : x)));
  const listError = err(path);
  return (
    <fieldset class="admin-rewards" data-testid={id}>
      <legend>{legend}</legend>
      {listError && <p class="error" id={`${id}-error`}>{listError}</p>}
      {rewards.length === 0 && <p class="hint">{t("admin.campaign.noRewards")}</p>}
      {rewards.map((r, i) => {
        const at = `${path}[${i}]`;
        const rowError = err(at);
        const amountError = err(`${at}.amount`) ?? err(`${at}.currency`);
        const poolError = err(`${at}.codePool`);
        return (
          <div class="admin-row" key={i}>
            <div class="field">
              <label for={`${id}-${i}-currency`}>{t("admin.campaign.currency", { n: i + 1 })}</label>
              <select id={`${id}-${i}-currency`} value={r.currency} data-testid={`${id}-currency-${i}`}
                onChange={(e) => set(i, { ...r, currency: (e.target as HTMLSelectElement).value, amount: (e.target as HTMLSelectElement).value === "code" ? 1 : r.amount })}>
                {currencies.map((c) => <option key={c} value={c}>{t(`admin.currency.${c}` as MessageKey)}</option>)}
              </select>
            </div>
            {r.currency === "code" ? (
              <div class="field">
                <label for={`${id}-${i}-pool`}>{t("admin.campaign.codePool")}</label>
                <input id={`${id}-${i}-pool`} value={r.codePool ?? ""} aria-invalid={poolError ? "true" : undefined}
                  aria-describedby={poolError ? `${id}-${i}-pool-error` : undefined}
                  onInput={(e) => set(i, { ...r, codePool: (e.target as HTMLInputElement).value })} />
                {poolError && <p class="error" id={`${id}-${i}-pool-error`}>{poolError}</p>}
              </div>
            ) : (
              <div class="field">
                <label for={`${id}-${i}-amount`}>{t("admin.campaign.amount")}</label>
                <input id={`${id}-${i}-amount`} type="number" min={1} value={r.amount} data-testid={`${id}-amount-${i}`}
                  aria-invalid={amountError ? "true" : undefined} aria-describedby={amountError ? `${id}-${i}-amount-error` : undefined}
                  onInput={(e) => set(i, { ...r, amount: Number((e.target as HTMLInputElement).value) })} />
                {amountError && <p class="error" id={`${id}-${i}-amount-error`}>{amountError}</p>}
              </div>
            )}
            <button type="button" class="icon" aria-label={t("admin.campaign.removeReward", { n: i + 1 })}
              onClick={() => onChange(rewards.filter((_, j) => j !== i))}>×</button>
            {rowError && <p class="error admin-row-error">{rowError}</p>}
          </div>
        );
      })}
      <button type="button" data-testid={`${id}-add`} onClick={() => onChange([...rewards, blankReward()])}>{t("admin.campaign.addReward")}</button>
    </fieldset>
  );
}
