import type { WalletResponse } from "../../api/types";
import { formatDateTime, formatNumber, t } from "../../i18n";
import { currencyText, ledgerReasonText } from "./format";

/** Balances and the newest ledger lines; the wallet page has the whole history. */
export function WalletSummary({ wallet }: { wallet: WalletResponse | null }) {
  return (
    <section class="card invite-wallet" aria-labelledby="invite-wallet-title">
      <h2 id="invite-wallet-title">{t("invite.wallet.title")}</h2>
      {!wallet ? <p>{t("common.loading")}</p> : (
        <>
          <ul class="invite-balances">
            {["points", "spins", ...Object.keys(wallet.balances).filter((c) => c !== "points" && c !== "spins")].map((c) => (
              <li key={c} data-testid={`invite-balance-${c}`}>
                <span class="invite-balance-amount">{formatNumber(wallet.balances[c] ?? 0)}</span> <span>{currencyText(c)}</span>
              </li>
            ))}
          </ul>
          {wallet.entries.length === 0 ? <p>{t("invite.wallet.empty")}</p> : (
            <ul class="invite-ledger" data-testid="invite-ledger" aria-label={t("invite.wallet.recent")}>
              {wallet.entries.map((e) => (
                <li key={e.id}>
                  <span class="invite-ledger-what">{ledgerReasonText(e.reason)}</span>
                  <span class={`invite-ledger-amount ${e.amount < 0 ? "minus" : "plus"}`}>{e.amount > 0 ? "+" : ""}{formatNumber(e.amount)} {currencyText(e.currency)}</span>
                  <span class="hint invite-ledger-when">{formatDateTime(e.at)}</span>
                </li>
              ))}
            </ul>
          )}
          <p><a href="/wallet">{t("invite.wallet.all")}</a></p>
        </>
      )}
    </section>
  );
}
