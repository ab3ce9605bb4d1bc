import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../api/http";
import type { WalletResponse } from "../api/types";
import { errorText, formatDateTime, formatNumber, t, type MessageKey } from "../i18n";
import { Alert } from "../components/Field";

const pageSize = 20;

/** Reasons are free text from the granting feature; known ones have a translation, others show as written. */
function reasonText(reason: string): string {
  const key = `wallet.reason.${reason}` as MessageKey;
  const text = t(key);
  return text === key ? reason : text;
}

function currencyText(currency: string): string {
  const key = `wallet.currency.${currency}` as MessageKey;
  const text = t(key);
  return text === key ? currency : text;
}

/** Balances and the ledger, newest first (GET /api/me/wallet). */
export function WalletPage() {
  const [skip, setSkip] = useState(0);
  const [wallet, setWallet] = useState<WalletResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<WalletResponse>("GET", `/api/me/wallet?skip=${skip}&take=${pageSize}`)
      .then(setWallet, (e) => setError(errorText(e instanceof ApiError ? e.code : "")));
  }, [skip]);

  return (
    <section class="wallet">
      <h1>{t("wallet.title")}</h1>
      <Alert message={error} />
      {!wallet ? !error && <p role="status">{t("common.loading")}</p> : (
        <>
          <ul class="balances">
            {["points", "spins", ...Object.keys(wallet.balances).filter((c) => c !== "points" && c !== "spins")].map((c) => (
              <li key={c} class="balance card" data-testid={`balance-${c}`}>
                <span class="balance-amount">{formatNumber(wallet.balances[c] ?? 0)}</span>
                <span class="balance-label">{currencyText(c)}</span>
              </li>
            ))}
          </ul>
          <h2>{t("wallet.history")}</h2>
          {wallet.entries.length === 0 ? <p>{t("wallet.empty")}</p> : (
            <table class="ledger" data-testid="ledger">
              <caption class="visually-hidden">{t("wallet.history")}</caption>
              <thead>
                <tr><th scope="col">{t("wallet.when")}</th><th scope="col">{t("wallet.what")}</th><th scope="col" class="num">{t("wallet.amount")}</th></tr>
              </thead>
              <tbody>
                {wallet.entries.map((e) => (
                  <tr key={e.id} class={e.reversalOf ? "reversal" : undefined}>
                    <td>{formatDateTime(e.at)}</td>
                    <td>{reasonText(e.reason)}{e.reversalOf && <span class="tag"> {t("wallet.reversal")}</span>}</td>
                    <td class={`num ${e.amount < 0 ? "minus" : "plus"}`}>{e.amount > 0 ? "+" : ""}{formatNumber(e.amount)} {currencyText(e.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {wallet.total > pageSize && (
            <nav class="pager" aria-label={t("wallet.pages")}>
              <button type="button" disabled={skip === 0} onClick={() => setSkip(Math.max(0, skip - pageSize))}>{t("wallet.newer")}</button>
              <span>{t("wallet.range", { from: skip + 1, to: Math.min(skip + pageSize, wallet.total), total: wallet.total })}</span>
              <button type="button" disabled={skip + pageSize >= wallet.total} onClick={() => setSkip(skip + pageSize)}>{t("wallet.older")}</button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
