import { useEffect, useRef, useState } from "preact/hooks";
import { roomClient, forgetRoom, type RoomView } from "../../live/room";
import { HubError } from "../../live/hub";
import { api, download } from "../../api/http";
import type { RankEntry, RoomReport } from "../../api/types";
import { useStore } from "../../store";
import { errorText, formatNumber, t } from "../../i18n";
import { ConnectionBadge } from "../../components/ConnectionBadge";
import { Countdown } from "../../components/Countdown";
import { Distribution } from "../../components/Distribution";
import { Leaderboard, Podium } from "../../components/Leaderboard";
import { QrCode } from "../../components/QrCode";
import { Shape } from "../../components/Shape";
import { trueFalse } from "../../components/AnswerPad";
import { Alert } from "../../components/Field";

/**
 * The host's big screen and controls for one live room. Counts arrive coalesced from the hub;
 * the player list (with ids, for kicking) and the final ranking come from the room report.
 */
export function HostRoomPage({ roomId }: { roomId: string }) {
  const client = roomClient(roomId);
  const view = useStore(client.view);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [players, setPlayers] = useState<RankEntry[]>([]);
  const lastFetch = useRef(0);

  useEffect(() => {
    if (!view.synced) void client.resync().catch(() => undefined);
  }, [roomId]);

  // The lobby's player list, refreshed when the count changes (at most every 2 s: the report is a full read).
  useEffect(() => {
    if (!view.synced || (view.phase !== "Lobby" && view.phase !== "Ended")) return;
    const wait = Math.max(0, 2000 - (Date.now() - lastFetch.current));
    const timer = setTimeout(() => {
      lastFetch.current = Date.now();
      api<RoomReport>("GET", `/api/rooms/${roomId}/report`).then((r) => setPlayers(r.ranking), () => undefined);
    }, wait);
    return () => clearTimeout(timer);
  }, [view.synced, view.phase, view.playerCount]);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorText(e instanceof HubError ? e.code : ""));
    } finally {
      setBusy(false);
    }
  };

  if (view.error) {
    return (
      <section class="card">
        <h1>{t("play.errorTitle")}</h1>
        <p role="alert">{errorText(view.error)}</p>
        <p><a href="/host" onClick={() => forgetRoom(roomId)}>{t("host.title")}</a></p>
      </section>
    );
  }
  if (!view.synced) return <section class="host-room"><ConnectionBadge /><p role="status">{t("common.loading")}</p></section>;

  const joinUrl = `${location.origin}/join?pin=${view.pin}`;
  return (
    <section class={`host-room phase-${view.phase.toLowerCase()}`} data-testid="host-room" data-phase={view.phase}>
      <header class="host-bar">
        <a href="/host" class="back">← {t("host.title")}</a>
        <h1 class="quiz-title">{view.quizTitle}</h1>
        <span class="pin-small">{t("host.pinShort")} <strong>{view.pin}</strong></span>
        <ConnectionBadge />
      </header>
      <Alert message={error} />
      {view.phase === "Lobby" && (
        <div class="host-lobby">
          <div class="join-info">
            <p class="join-at">{t("host.joinAt", { host: location.host })}</p>
            <p class="pin-label">{t("host.pin")}</p>
            <p class="pin-big" data-testid="room-pin">{view.pin}</p>
            <QrCode value={joinUrl} label={t("host.qrLabel", { pin: view.pin })} />
            <p class="join-url"><a href={joinUrl} data-testid="join-url">{joinUrl}</a></p>
          </div>
          <div class="lobby-players">
            <p class="count" data-testid="host-player-count" data-count={view.playerCount}>{t("play.players", { count: view.playerCount })}</p>
            <ul class="players" aria-live="polite" data-testid="players">
              {players.map((p) => (
                <li key={p.userId} data-user={p.userId}>
                  <span>{p.nickname}</span>
                  <button type="button" class="icon" aria-label={t("host.kick", { name: p.nickname })} disabled={busy}
                    onClick={() => void run(async () => { await client.kick(p.userId); setPlayers(players.filter((x) => x.userId !== p.userId)); })}>×</button>
                </li>
              ))}
            </ul>
            <div class="actions">
              <button type="button" aria-pressed={view.locked} disabled={busy} data-testid="lock" onClick={() => void run(() => client.lock(!view.locked))}>
                {view.locked ? t("host.unlock") : t("host.lock")}
              </button>
              <button type="button" class="primary big" disabled={busy || view.playerCount === 0} data-testid="start" onClick={() => void run(() => client.control("StartGame"))}>
                {t("host.start")}
              </button>
            </div>
          </div>
        </div>
      )}
      {view.phase === "Question" && view.question && <HostQuestion view={view} busy={busy} run={run} />}
      {view.phase === "Results" && <HostResults view={view} busy={busy} run={run} />}
      {view.phase === "Ended" && (
        <div class="host-ended">
          <Podium entries={view.podium} />
          <Leaderboard entries={view.ranking ?? players} label={t("host.ranking")} />
          <div class="actions">
            <button type="button" class="primary" data-testid="report" onClick={() => void run(() => download(`/api/rooms/${roomId}/report.csv`, `room-${roomId}-report.csv`))}>
              {t("host.report")}
            </button>
            <a class="button" href="/host" onClick={() => forgetRoom(roomId)}>{t("host.done")}</a>
          </div>
        </div>
      )}
    </section>
  );
}

type Run = (action: () => Promise<unknown>) => Promise<void>;

function HostQuestion({ view, busy, run }: { view: RoomView; busy: boolean; run: Run }) {
  const client = roomClient(view.roomId);
  const q = view.question!;
  return (
    <div class="host-question">
      <p class="counter">{t("play.questionOf", { n: q.index + 1, count: q.count })}</p>
      <h2 class="question-text" data-testid="host-question-text">{q.text}</h2>
      {view.deadline && <Countdown deadline={view.deadline} total={q.timeLimitSeconds} />}
      {q.imageUrl && <img class="question-image" src={q.imageUrl} alt="" referrerPolicy="no-referrer" />}
      {q.type !== "TypeAnswer" && (
        <ul class="host-options">
          {q.options.map((o, i) => (
            <li key={o.id} class={`answer answer-${i % 6}`}><Shape position={i} /><span>{q.type === "TrueFalse" ? trueFalse(o.text) : o.text}</span></li>
          ))}
        </ul>
      )}
      <p class="answered" data-testid="answered-count" data-count={view.answeredCount}>
        {t("host.answered", { answered: view.answeredCount, players: view.playerCount })}
      </p>
      <div class="actions">
        <button type="button" class="primary" disabled={busy} data-testid="close-question" onClick={() => void run(() => client.control("CloseQuestion"))}>{t("host.close")}</button>
        <button type="button" class="danger" disabled={busy} onClick={() => void run(() => client.control("EndGame"))}>{t("host.end")}</button>
      </div>
    </div>
  );
}

function HostResults({ view, busy, run }: { view: RoomView; busy: boolean; run: Run }) {
  const client = roomClient(view.roomId);
  const q = view.question;
  return (
    <div class="host-results">
      {q && <h2 class="question-text">{q.text}</h2>}
      {q && view.reveal && <Distribution question={q} reveal={view.reveal} />}
      {view.reveal?.answered != null && (
        <p class="answered" data-testid="results-answered">{t("host.answered", { answered: view.reveal.answered, players: view.reveal.players ?? view.playerCount })}</p>
      )}
      <Leaderboard entries={view.leaderboard} />
      <div class="actions">
        <button type="button" class="primary big" disabled={busy} data-testid="next" onClick={() => void run(() => client.control("NextQuestion"))}>
          {view.reveal?.isLast ? t("host.podium") : t("host.next")}
        </button>
        {!view.reveal?.isLast && <button type="button" class="danger" disabled={busy} onClick={() => void run(() => client.control("EndGame"))}>{t("host.end")}</button>}
        <span class="hint">{t("host.totalPlayers", { count: formatNumber(view.playerCount) })}</span>
      </div>
    </div>
  );
}
