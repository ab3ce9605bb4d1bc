import type { RankEntry } from "../api/types";
import { formatNumber, t } from "../i18n";

export function Leaderboard({ entries, me, label }: { entries: RankEntry[]; me?: string | null; label?: string }) {
  return (
    <section class="leaderboard" aria-label={label ?? t("leaderboard.title")}>
      <h2>{label ?? t("leaderboard.title")}</h2>
      {entries.length === 0 ? <p>{t("leaderboard.empty")}</p> : (
        <ol data-testid="leaderboard">
          {entries.map((e) => (
            <li key={e.userId} class={e.userId === me ? "me" : undefined} data-user={e.userId}>
              <span class="rank">{e.rank}</span>
              <span class="name">{e.nickname}</span>
              <span class="score">{formatNumber(e.score)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function Podium({ entries }: { entries: RankEntry[] }) {
  // Second, first, third: the classic podium, tallest in the middle.
  const order = [entries[1], entries[0], entries[2]];
  return (
    <section class="podium" aria-label={t("podium.title")}>
      <h2>{t("podium.title")}</h2>
      <ol class="podium-steps" data-testid="podium">
        {order.map((e) => e && (
          <li key={e.userId} class={`step step-${e.rank}`} data-rank={e.rank} data-user={e.userId}>
            <span class="name">{e.nickname}</span>
            <span class="score">{t("podium.points", { points: e.score })}</span>
            <span class="place" aria-label={t("podium.place", { rank: e.rank })}>{e.rank}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
