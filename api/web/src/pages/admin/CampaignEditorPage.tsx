import { useEffect, useState } from "preact/hooks";
import { api } from "../../api/http";
import { navigate } from "../../router";
import { t, type MessageKey } from "../../i18n";
import { Field } from "../../components/Field";
import { EditorForm, EditorLoading, useProblems } from "./EditorForm";
import { rewardsEditor } from "./RewardsEditor";
import { blankCampaign, blankReward, clean, day, fromLocalInput, fromResponse, hour, optionalNumber, toLocalInput } from "./campaignModel";
import { qualifyingEvents, type CampaignRequest, type CampaignResponse, type QualifyingEvent } from "./types";

/** Create or edit a referral campaign: rules, windows, caps, budget, A/B offers, milestones. */
export function CampaignEditorPage({ campaignId }: { campaignId?: string }) {
  const [campaign, setCampaign] = useState<CampaignRequest | null>(campaignId ? null : blankCampaign());
  const problems = useProblems();
  const { err, fields } = problems;
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (campaignId) api<CampaignResponse>("GET", `/api/admin/campaigns/${campaignId}`).then((c) => setCampaign(fromResponse(c)), problems.fail);
  }, [campaignId]);

  if (!campaign) return <EditorLoading error={problems.error} />;

  const c = campaign;
  const set = (change: Partial<CampaignRequest>) => setCampaign({ ...c, ...change });

  const save = async (e: Event) => {
    e.preventDefault();
    problems.clear();
    setSaved(false);
    try {
      const view = await api<CampaignResponse>(campaignId ? "PUT" : "POST", campaignId ? `/api/admin/campaigns/${campaignId}` : "/api/admin/campaigns", clean(c));
      if (!campaignId) {
        navigate(`/admin/campaigns?created=${view.id}`);
        return;
      }
      setCampaign(fromResponse(view));
      setSaved(true);
    } catch (problem) {
      problems.fail(problem);
    }
  };

  const budget = (currency: "points" | "spins", value: string) => {
    const next = { ...(c.budget ?? {}) };
    const n = optionalNumber(value);
    if (n === null) delete next[currency];
    else next[currency] = n;
    set({ budget: next });
  };

  const body = (
    <>
      <Field label={t("admin.campaign.name")} required maxLength={80} value={c.name} data-testid="campaign-name" error={err("name")}
        onInput={(e) => set({ name: (e.target as HTMLInputElement).value })} />
      <div class="admin-grid">
        <Field label={t("admin.campaign.startsAt")} type="datetime-local" value={toLocalInput(c.startsAt)} error={err("startsAt")}
          onInput={(e) => set({ startsAt: fromLocalInput((e.target as HTMLInputElement).value) })} />
        <Field label={t("admin.campaign.endsAt")} type="datetime-local" value={toLocalInput(c.endsAt)} error={err("endsAt")}
          onInput={(e) => set({ endsAt: fromLocalInput((e.target as HTMLInputElement).value) })} />
      </div>
      <div class="admin-grid">
        <div class="field">
          <label for="campaign-event">{t("admin.campaign.event")}</label>
          <select id="campaign-event" value={c.qualifyingEvent} data-testid="campaign-event"
            onChange={(e) => set({ qualifyingEvent: (e.target as HTMLSelectElement).value as QualifyingEvent })}>
            {qualifyingEvents.map((q) => <option key={q} value={q}>{t(`admin.event.${q}` as MessageKey)}</option>)}
          </select>
          {err("qualifyingEvent") && <p class="error">{fields.qualifyingEvent}</p>}
        </div>
        {c.qualifyingEvent === "QuizzesCompleted" && (
          <Field label={t("admin.campaign.quizzesRequired")} type="number" min={1} value={c.quizzesRequired} error={err("quizzesRequired")}
            data-testid="campaign-quizzes" onInput={(e) => set({ quizzesRequired: Number((e.target as HTMLInputElement).value) })} />
        )}
      </div>
      <div class="admin-grid">
        <Field label={t("admin.campaign.windowDays")} type="number" min={0} step="any" value={c.attributionWindowSeconds / day} error={err("attributionWindowSeconds")}
          data-testid="campaign-window" onInput={(e) => set({ attributionWindowSeconds: Math.round(Number((e.target as HTMLInputElement).value) * day) })} />
        <Field label={t("admin.campaign.holdHours")} type="number" min={0} step="any" value={c.holdSeconds / hour} error={err("holdSeconds")}
          data-testid="campaign-hold" onInput={(e) => set({ holdSeconds: Math.round(Number((e.target as HTMLInputElement).value) * hour) })} />
        <Field label={t("admin.campaign.cap")} hint={t("admin.campaign.capHint")} type="number" min={1} value={c.perReferrerCap ?? ""} error={err("perReferrerCap")}
          data-testid="campaign-cap" onInput={(e) => set({ perReferrerCap: optionalNumber((e.target as HTMLInputElement).value) })} />
        <Field label={t("admin.campaign.velocity")} hint={t("admin.campaign.velocityHint")} type="number" min={0} value={c.maxSignupsPerReferrerPerHour}
          error={err("maxSignupsPerReferrerPerHour")} onInput={(e) => set({ maxSignupsPerReferrerPerHour: Number((e.target as HTMLInputElement).value) })} />
      </div>
      <fieldset class="card">
        <legend>{t("admin.campaign.budget")}</legend>
        <p class="hint">{t("admin.campaign.budgetHint")}</p>
        {err("budget") && <p class="error">{fields.budget}</p>}
        <div class="admin-grid">
          <Field label={t("admin.currency.points")} type="number" min={1} value={c.budget?.points ?? ""} data-testid="budget-points"
            onInput={(e) => budget("points", (e.target as HTMLInputElement).value)} />
          <Field label={t("admin.currency.spins")} type="number" min={1} value={c.budget?.spins ?? ""} data-testid="budget-spins"
            onInput={(e) => budget("spins", (e.target as HTMLInputElement).value)} />
        </div>
      </fieldset>
      <fieldset class="card">
        <legend>{t("admin.campaign.offers")}</legend>
        <p class="hint">{t("admin.campaign.offersHint")}</p>
        {err("variants") && <p class="error">{fields.variants}</p>}
        {c.variants.map((v, i) => {
          const at = `variants[${i}]`;
          const setVariant = (nv: typeof v) => set({ variants: c.variants.map((x, j) => (j === i ? nv : x)) });
          return (
            <div class="admin-variant" key={i} data-testid={`variant-${i}`}>
              <h3>{t("admin.campaign.offer", { n: i + 1 })}</h3>
              {err(at) && <p class="error">{fields[at]}</p>}
              <div class="admin-grid">
                <Field label={t("admin.campaign.offerName")} value={v.name} error={err(`${at}.name`)} data-testid={`variant-${i}-name`}
                  onInput={(e) => setVariant({ ...v, name: (e.target as HTMLInputElement).value })} />
                <Field label={t("admin.campaign.offerWeight")} type="number" min={1} value={v.weight} error={err(`${at}.weight`)}
                  onInput={(e) => setVariant({ ...v, weight: Number((e.target as HTMLInputElement).value) })} />
              </div>
              {rewardsEditor({ id: `v${i}-referrer`, path: `${at}.referrerRewards`, legend: t("admin.campaign.referrerRewards"), rewards: v.referrerRewards, err,
                onChange: (r) => setVariant({ ...v, referrerRewards: r }) })}
              {rewardsEditor({ id: `v${i}-referee`, path: `${at}.refereeRewards`, legend: t("admin.campaign.refereeRewards"), rewards: v.refereeRewards, err,
                onChange: (r) => setVariant({ ...v, refereeRewards: r }) })}
              {c.variants.length > 1 && (
                <button type="button" class="danger" onClick={() => set({ variants: c.variants.filter((_, j) => j !== i) })}>{t("admin.campaign.removeOffer", { n: i + 1 })}</button>
              )}
            </div>
          );
        })}
        <button type="button" data-testid="add-variant"
          onClick={() => set({ variants: [...c.variants, { name: String.fromCharCode(65 + c.variants.length), weight: 1, referrerRewards: [blankReward()], refereeRewards: [] }] })}>
          {t("admin.campaign.addOffer")}
        </button>
      </fieldset>
      <fieldset class="card">
        <legend>{t("admin.campaign.milestones")}</legend>
        <p class="hint">{t("admin.campaign.milestonesHint")}</p>
        {err("milestones") && <p class="error">{fields.milestones}</p>}
        {c.milestones.map((m, i) => {
          const at = `milestones[${i}]`;
          const setMilestone = (nm: typeof m) => set({ milestones: c.milestones.map((x, j) => (j === i ? nm : x)) });
          return (
            <div class="admin-variant" key={i} data-testid={`milestone-${i}`}>
              <Field label={t("admin.campaign.milestoneReferrals", { n: i + 1 })} type="number" min={1} value={m.referrals} error={err(`${at}.referrals`)}
                data-testid={`milestone-${i}-referrals`} onInput={(e) => setMilestone({ ...m, referrals: Number((e.target as HTMLInputElement).value) })} />
              {rewardsEditor({ id: `m${i}-bonus`, path: `${at}.bonus`, legend: t("admin.campaign.milestoneBonus"), rewards: m.bonus, err,
                onChange: (r) => setMilestone({ ...m, bonus: r }) })}
              <button type="button" class="danger" onClick={() => set({ milestones: c.milestones.filter((_, j) => j !== i) })}>{t("admin.campaign.removeMilestone", { n: i + 1 })}</button>
            </div>
          );
        })}
        <button type="button" data-testid="add-milestone"
          onClick={() => set({ milestones: [...c.milestones, { referrals: (c.milestones.at(-1)?.referrals ?? 0) + 5, bonus: [{ currency: "spins", amount: 5, codePool: null }] }] })}>
          {t("admin.campaign.addMilestone")}
        </button>
      </fieldset>
    </>
  );
  return (
    <EditorForm back={{ href: "/admin/campaigns", label: t("admin.nav.campaigns") }}
      title={campaignId ? t("admin.campaign.editTitle") : t("admin.campaign.newTitle")}
      problems={problems} saved={saved} onSubmit={save} saveTestId="save-campaign">
      {body}
    </EditorForm>
  );
}
