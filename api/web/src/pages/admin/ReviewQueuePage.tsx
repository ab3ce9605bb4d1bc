import { useEffect, useState } from "preact/hooks";
import { api } from "../../api/http";
import { formatDateTime, formatNumber, t, type MessageKey } from "../../i18n";
import en from "../../i18n/en.json";
import { Alert } from "../../components/Field";
import { AdminFrame } from "./AdminNav";
import { describe } from "./problems";
import type { CampaignResponse, ReviewItem, ReviewPage } from "./types";

const signalText = (rule: string) => {
  const key = `admin.signal.${rule}`;
  return key in en ? t(key as MessageKey) : rule;
};

/** Referrals held for review, oldest first, with their fraud signals; approve, or reject with a reason. */
export function ReviewQueuePage() {
  const [page, setPage] = useState<ReviewPage | null>(null);
  const [campaigns, setCampaigns] = useState<Record<string, string>>({});
  const [names, setNames] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = async () => {
    try {
      const [queue, list] = await Promise.all([
        api<ReviewPage>("GET", "/api/admin/referrals/review?take=100"),
        api<CampaignResponse[]>("GET", "/api/admin/campaigns"),
      ]);
      setCampaigns(Object.fromEntries(list.map((c) => [c.id, c.name])));
      setPage(queue);
      const details = await Promise.all(queue.items.map((i) =>
        api<{ refereeName: string }>("GET", `/api/admin/referrals/${i.refereeId}`).then((d) => [i.refereeId, d.refereeName] as const, () => [i.refereeId, ""] as const)));
      setNames(Object.fromEntries(details));
    } catch (e) {
      setError(describe(e).message);
    }
  };
  useEffect(() => void load(), []);

  const decided = (item: ReviewItem, key: "admin.review.approved" | "admin.review.rejected") => {
    setPage((p) => (p ? { items: p.items.filter((i) => i.refereeId !== item.refereeId), total: p.total - 1 } : p));
    setDone(t(key, { name: names[item.refereeId] || item.refereeId }));
  };

  return (
    <AdminFrame>
      <section>
        <h1>{t("admin.review.title")}</h1>
        <Alert message={error} />
        <p class="ok" role="status" data-testid="review-done">{done ?? ""}</p>
        {!page ? <p role="status">{t("common.loading")}</p> : (
          <>
            <p data-testid="review-total">{t("admin.review.total", { count: page.total })}</p>
            {page.items.length === 0 ? <p>{t("admin.review.empty")}</p> : (
              <ul class="admin-list" data-testid="review-list">
                {page.items.map((item) => (
                  <ReviewCard key={item.refereeId} item={item} name={names[item.refereeId] ?? ""} campaign={campaigns[item.campaignId] ?? item.campaignId}
                    onDecided={(key) => decided(item, key)} onError={setError} />
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    </AdminFrame>
  );
}

function ReviewCard({ item, name, campaign, onDecided, onError }: {
  item: ReviewItem;
  name: string;
  campaign: string;
  onDecided: (key: "admin.review.approved" | "admin.review.rejected") => void;
  onError: (message: string | null) => void;
}) {
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `note-${item.refereeId}`;

  const decide = async (action: "approve" | "reject") => {
    onError(null);
    if (action === "reject" && !note.trim()) {
      setNoteError(t("admin.review.reasonRequired"));
      return;
    }
    setNoteError(null);
    setBusy(true);
    try {
      await api("POST", `/api/admin/referrals/${item.refereeId}/${action}`, { note: note.trim() || null });
      onDecided(action === "approve" ? "admin.review.approved" : "admin.review.rejected");
    } catch (e) {
      const { message, fields } = describe(e);
      if (fields.note) setNoteError(t("admin.review.reasonRequired"));
      else onError(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="card" data-referee={item.refereeId}>
      <h2>{name || t("admin.review.unnamed")}</h2>
      <dl class="admin-facts">
        <dt>{t("admin.review.campaign")}</dt><dd>{campaign}</dd>
        <dt>{t("admin.review.score")}</dt><dd data-testid="fraud-score">{formatNumber(item.fraudScore)}</dd>
        <dt>{t("admin.review.queuedAt")}</dt><dd>{formatDateTime(item.queuedAt)}</dd>
        <dt>{t("admin.review.referee")}</dt><dd class="admin-id">{item.refereeId}</dd>
      </dl>
      <h3>{t("admin.review.signals")}</h3>
      <ul class="admin-signals" data-testid="signals">
        {item.signals.map((s) => <li key={s.rule} data-rule={s.rule}>{signalText(s.rule)} <span class="admin-points">+{formatNumber(s.points)}</span></li>)}
      </ul>
      <div class="field">
        <label for={id}>{t("admin.review.note")}</label>
        <p class="hint" id={`${id}-hint`}>{t("admin.review.noteHint")}</p>
        <textarea id={id} rows={2} maxLength={500} value={note} data-testid="review-note"
          aria-invalid={noteError ? "true" : undefined} aria-describedby={`${id}-hint${noteError ? ` ${id}-error` : ""}`}
          onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
        {noteError && <p class="error" id={`${id}-error`}>{noteError}</p>}
      </div>
      <div class="actions">
        <button type="button" class="primary" disabled={busy} data-testid="approve" onClick={() => void decide("approve")}>{t("admin.review.approve")}</button>
        <button type="button" class="danger" disabled={busy} data-testid="reject" onClick={() => void decide("reject")}>{t("admin.review.reject")}</button>
      </div>
    </li>
  );
}
