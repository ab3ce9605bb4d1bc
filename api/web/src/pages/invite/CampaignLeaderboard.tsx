import type { LeaderboardEntry } from "../../api/referrals";
import { t } from "../../i18n";
import { plural } from "./format";

const shown = 10;

/** The campaign's top referrers, and the caller's own rank when they are further down. */
export function CampaignLeaderboard({ top, own, me }: { top: LeaderboardEntry[]; own: LeaderboardEntry | null; me: string }) {
  const rows = top.slice(0, shown);
  const ownBelow = own && !rows.some((e) => e.userId === me) ? own : null;
  return (
    <section class="card leaderboard invite-leaderboard" aria-labelledby="invite-board-title">
      <h2 id="invite-board-title">{t("invite.board.title")}</h2>
      {rows.length === 0 ? <p>{t("invite.board.empty")}</p> : (
        <ol data-testid="campaign-leaderboard">
          {[...rows, ...(ownBelow ? [ownBelow] : [])].map((e) => (
            <li key={e.userId} class={e.userId === me ? "me" : undefined} data-user={e.userId} data-testid="board-row">
              <span class="rank">{e.rank}</span>
              <span class="name">{e.name}{e.userId === me && <span class="visually-hidden"> {t("invite.board.you")}</span>}</span>
              <span class="score">{plural("invite.board.referrals", e.referrals)}</span>
            </li>
          ))}
        </ol>
      )}
      {own && <p class="hint" data-testid="own-rank">{plural("invite.board.own", own.referrals, { rank: own.rank })}</p>}
    </section>
  );
}
