import { useEffect, useState } from "preact/hooks";
import { api } from "../../api/http";
import { routeStore } from "../../router";
import { useStore } from "../../store";
import { formatDateTime, formatNumber, t, type MessageKey } from "../../i18n";
import { Alert } from "../../components/Field";
import { AdminFrame } from "./AdminNav";
import { describe } from "./problems";
import type { CampaignResponse, CampaignStatus } from "./types";

/** Which status changes the api allows from each status (CampaignRules.CanMove). */
const moves: Record<CampaignStatus, CampaignStatus[]> = {
  Draft: ["Active", "Ended"],
  Active: ["Paused", "Ended"],
  Paused: ["Active", "Ended"],
  Ended: [],
};

const moveLabel = (from: CampaignStatus, to: CampaignStatus): MessageKey =>
  to === "Active" ? (from === "Paused" ? "admin.campaigns.resume" : "admin.campaigns.activate") : to === "Paused" ? "admin.campaigns.pause" : "admin.campaigns.end";

/** Every campaign with its status; activate, pause, resume and end through the status endpoint. */
export function CampaignListPage() {
  const { query } = useStore(routeStore);
  const [campaigns, setCampaigns] = useState<CampaignResponse[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ending, setEnding] = useState<string | null>(null);
  const created = query.get("created");

  useEffect(() => {
    api<CampaignResponse[]>("GET", "/api/admin/campaigns").then(setCampaigns, (e) => setError(describe(e).message));
  }, []);

  const move = async (c: CampaignResponse, status: CampaignStatus) => {
    setError(null);
    setEnding(null);
    try {
      const updated = await api<CampaignResponse>("POST", `/api/admin/campaigns/${c.id}/status`, { status });
      setCampaigns((list) => list?.map((x) => (x.id === c.id ? updated : x)) ?? null);
    } catch (e) {
      setError(describe(e).message);
    }
  };

  return (
    <AdminFrame>
      <section>
        <h1>{t("admin.campaigns.title")}</h1>
        <Alert message={error} />
        {created && <p class="ok" role="status">{t("admin.campaigns.created")}</p>}
        <p><a class="button primary" href="/admin/campaigns/new" data-testid="new-campaign">{t("admin.campaigns.new")}</a></p>
        {!campaigns ? <p role="status">{t("common.loading")}</p> : campaigns.length === 0 ? <p>{t("admin.campaigns.none")}</p> : (
          <ul class="admin-list" data-testid="campaign-list">
            {campaigns.map((c) => (
              <li key={c.id} class="card" data-campaign={c.id} data-status={c.status}>
                <div class="admin-list-head">
                  <h2>{c.name}</h2>
                  <span class={`admin-status admin-status-${c.status}`} data-testid="campaign-status">{t(`admin.status.${c.status}` as MessageKey)}</span>
                </div>
                <p class="meta">
                  {t("admin.campaigns.meta", {
                    event: t(`admin.event.${c.qualifyingEvent}` as MessageKey),
                    rewarded: formatNumber(c.rewardedReferrals),
                    date: formatDateTime(c.createdAt),
                  })}
                </p>
                <div class="actions">
                  {c.status !== "Ended" && <a class="button" href={`/admin/campaigns/${c.id}`}>{t("admin.edit")}</a>}
                  {moves[c.status].map((to) =>
                    to === "Ended" && ending !== c.id ? (
                      <button type="button" key={to} class="danger" onClick={() => setEnding(c.id)}>{t("admin.campaigns.end")}</button>
                    ) : (
                      <button type="button" key={to} class={to === "Ended" ? "danger" : to === "Active" ? "primary" : undefined}
                        data-testid={`campaign-${to}`} onClick={() => void move(c, to)}>
                        {to === "Ended" ? t("admin.campaigns.confirmEnd") : t(moveLabel(c.status, to))}
                      </button>
                    ))}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </AdminFrame>
  );
}
