import type { CampaignOffer, ReferredFriend } from "../../api/referrals";
import { formatDateTime, formatNumber, t } from "../../i18n";
import { reasonText, rewardsText, statusText } from "./format";

/** Invited friends, newest first, with where each one is and what their invitation earned (the api's, else the offer's referrer reward). */
export function Friends({ friends, total, offer }: { friends: ReferredFriend[]; total: number; offer: CampaignOffer }) {
  return (
    <section class="card invite-friends" aria-labelledby="invite-friends-title">
      <h2 id="invite-friends-title">{t("invite.friends.title")} <span class="invite-count" data-testid="friends-total">({formatNumber(total)})</span></h2>
      {friends.length === 0 ? <p>{t("invite.friends.empty")}</p> : (
        <ul class="invite-friend-list" data-testid="friends">
          {friends.map((f) => (
            <li key={f.refereeId} class="invite-friend" data-testid="friend" data-friend={f.refereeId} data-status={f.status}>
              <span class="invite-friend-name">{f.name}</span>
              <span class={`invite-status invite-status-${f.status.toLowerCase()}`} data-testid="friend-status">{statusText(f.status)}</span>
              <span class="invite-friend-meta">
                {t("invite.friends.joined", { when: formatDateTime(f.signedUpAt) })}
                {f.status === "Rewarded" && <> · <span data-testid="friend-reward">{t("invite.friends.earned", { rewards: rewardsText(f.rewards?.length ? f.rewards : offer.referrerRewards) })}</span></>}
                {f.status === "Reversed" && <> · {t("invite.friends.reversed")}</>}
                {f.status === "Rejected" && reasonText(f.reason) && <> · {reasonText(f.reason)}</>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {total > friends.length && <p class="hint">{t("invite.friends.more", { shown: friends.length, total })}</p>}
    </section>
  );
}
