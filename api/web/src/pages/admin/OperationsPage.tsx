import { useEffect, useState } from "preact/hooks";
import { api } from "../../api/http";
import { formatNumber, localeStore, t, type MessageKey } from "../../i18n";
import { Alert } from "../../components/Field";
import { AdminFrame } from "./AdminNav";
import { describe } from "./problems";
import type { OperationsView } from "./types";

/** How often the view asks again: the api nodes report every 2 s, so faster shows nothing new. */
export const refreshMs = 3_000;

const figures: { key: keyof OperationsView; label: MessageKey }[] = [
  { key: "playersOnline", label: "admin.ops.playersOnline" },
  { key: "activeRooms", label: "admin.ops.activeRooms" },
  { key: "signupsToday", label: "admin.ops.signupsToday" },
  { key: "referralsToday", label: "admin.ops.referralsToday" },
];

const time = (iso: string) => new Intl.DateTimeFormat(localeStore.get(), { timeStyle: "medium" }).format(new Date(iso));

/** Players online, open rooms, today's signups and referrals (UTC day), refreshed every few seconds. */
export function OperationsPage() {
  const [view, setView] = useState<OperationsView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    const load = () => api<OperationsView>("GET", "/api/admin/ops").then(
      (v) => { if (!stopped) { setView(v); setError(null); } },
      (e) => { if (!stopped) setError(describe(e).message); });
    void load();
    // A hidden tab does not poll; it catches up at the next tick after it shows again.
    const timer = setInterval(() => { if (!document.hidden) void load(); }, refreshMs);
    return () => { stopped = true; clearInterval(timer); };
  }, []);

  return (
    <AdminFrame>
      <section>
        <h1>{t("admin.ops.title")}</h1>
        <Alert message={error} />
        {!view ? <p role="status">{t("common.loading")}</p> : (
          <>
            <ul class="admin-figures" data-testid="ops">
              {figures.map((f) => (
                <li key={f.key} class="card">
                  <span class="admin-figure" data-testid={`ops-${f.key}`} data-value={view[f.key]}>{formatNumber(view[f.key] as number)}</span>
                  <span class="admin-figure-label">{t(f.label)}</span>
                </li>
              ))}
            </ul>
            <p class="meta" data-testid="ops-at" data-at={view.at}>
              {t("admin.ops.at", { time: time(view.at), day: view.day, nodes: view.apiNodes })}
            </p>
            <p class="hint">{t("admin.ops.hint")}</p>
          </>
        )}
      </section>
    </AdminFrame>
  );
}
