import type { MilestoneTier } from "../../api/referrals";
import { formatNumber, t } from "../../i18n";
import { plural, rewardsText } from "./format";

/** Progress to each milestone bonus: rewarded friends so far against the tier's count. */
export function Milestones({ tiers, rewarded, reached }: { tiers: MilestoneTier[]; rewarded: number; reached: number[] }) {
  if (tiers.length === 0) return null;
  return (
    <section class="card invite-milestones" aria-labelledby="invite-milestones-title">
      <h2 id="invite-milestones-title">{t("invite.milestones.title")}</h2>
      <ul data-testid="milestones">
        {tiers.map((tier) => {
          const done = reached.includes(tier.referrals) || rewarded >= tier.referrals;
          const label = plural("invite.milestones.tier", tier.referrals, { bonus: rewardsText(tier.bonus) });
          return (
            <li key={tier.referrals} class={done ? "reached" : undefined} data-testid="milestone" data-reached={done ? "true" : "false"}>
              <span>{label}</span>
              <progress max={tier.referrals} value={Math.min(rewarded, tier.referrals)} aria-label={label} />
              <span class="hint">{done ? t("invite.milestones.reached") : t("invite.milestones.progress", { done: formatNumber(Math.min(rewarded, tier.referrals)), count: tier.referrals })}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
