import { useEffect, useRef, useState } from "preact/hooks";
import { api, ApiError } from "../../api/http";
import type { WalletResponse } from "../../api/types";
import { hub } from "../../live/hub";
import { formatDateTime, formatNumber, t, useLocale } from "../../i18n";
import { Alert } from "../../components/Field";
import { WheelDisc } from "./WheelDisc";
import { FairnessPanel } from "./FairnessPanel";
import { landingRotation } from "./geometry";
import { newSpinId, percentText, prizeText, wheelErrorText } from "./text";
import type { PlayerWheel, SpinResult, WheelBigWinEvent, WheelOdds, WheelStockChangedEvent } from "./types";
import "./wheel.css";

const fullSpinMs = 4200;
const reducedSpinMs = 350;
const retryDelaysMs = [500, 1500, 3000];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function prefersReducedMotion(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/** Why the next spin cannot happen, as the api would answer (null: it can). */
function blockedReason(player: PlayerWheel, odds: WheelOdds, tokens: number): string | null {
  if (!odds.open) return "wheel_closed";
  if (odds.segments.every((s) => s.effectiveWeight === 0)) return "wheel_empty";
  if (player.spinsLeftToday <= 0) return "daily_limit_reached";
  if (player.freeSpinsLeft <= 0 && tokens < odds.costPerSpin) return "insufficient_spins";
  return null;
}

/** The sentence for a landed spin: the prize and where it went. */
function resultText(result: SpinResult): string {
  const label = result.label ?? "";
  switch (result.prize?.kind) {
    case "Points": return t("wheel.result.points", { label, amount: formatNumber(result.prize.amount) });
    case "Spins": return t("wheel.result.spins", { label, amount: formatNumber(result.prize.amount) });
    case "Code": return t("wheel.result.code", { label, code: result.code ?? "" });
    default: return t("wheel.result.nothing", { label });
  }
}

/**
 * One wheel (route /wheel/:wheelId): the disc, the odds (kept live through the hub's
 * wheelStockChanged), recent big wins, the player's allowance, the spin with its animation that
 * stops on the server's segment, and the fairness panel.
 */
export function WheelPage({ wheelId }: { wheelId: string }) {
  useLocale();
  const [player, setPlayer] = useState<PlayerWheel | null>(null);
  const [odds, setOdds] = useState<WheelOdds | null>(null);
  const [balances, setBalances] = useState<Record<string, number>>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [spinError, setSpinError] = useState<string | null>(null);
  const [spinning, setSpinning] = useState(false);
  const [pendingSpinId, setPendingSpinId] = useState<string | null>(null);
  const [rotation, setRotation] = useState(0);
  const [landed, setLanded] = useState<string | null>(null);
  const [landedCount, setLandedCount] = useState(0);
  const [result, setResult] = useState<SpinResult | null>(null);
  const [bigWins, setBigWins] = useState<WheelBigWinEvent[]>([]);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [watching, setWatching] = useState(false);
  const discRef = useRef<SVGSVGElement>(null);
  const rotationRef = useRef(0);
  const oddsSequence = useRef(-1);
  const seenBigWins = useRef(new Set<number>());

  const applyOdds = (next: WheelOdds) => {
    if (next.sequence < oddsSequence.current) return;
    oddsSequence.current = next.sequence;
    setOdds(next);
  };

  const refresh = async () => {
    const [mine, wallet] = await Promise.all([
      api<PlayerWheel>("GET", `/api/wheels/${encodeURIComponent(wheelId)}`),
      api<WalletResponse>("GET", "/api/me/wallet?take=1"),
    ]);
    setPlayer(mine);
    applyOdds(mine.wheel);
    setBalances(wallet.balances);
  };

  useEffect(() => {
    refresh().catch((e) => setLoadError(wheelErrorText(e instanceof ApiError ? e.code : undefined)));
  }, [wheelId]);

  // Live odds and big wins: watch the wheel on the hub, again after every reconnect.
  useEffect(() => {
    const resync = async () => {
      applyOdds(await hub.invoke<WheelOdds>("WatchWheel", wheelId));
      setWatching(true);
    };
    const offStock = hub.on<WheelStockChangedEvent>("wheelStockChanged", (event) => {
      if (event.wheelId === wheelId && event.sequence > oddsSequence.current) applyOdds({ ...event.odds, sequence: event.sequence });
    });
    const offBigWin = hub.on<WheelBigWinEvent>("wheelBigWin", (event) => {
      if (event.wheelId !== wheelId || seenBigWins.current.has(event.sequence)) return;
      seenBigWins.current.add(event.sequence);
      setBigWins((list) => [event, ...list].slice(0, 5));
    });
    const connected = hub.state.get() === "connected";
    const stopWatching = hub.watch({ resync });
    if (connected) void resync().catch(() => undefined);
    else void hub.ensure().catch(() => undefined);
    return () => {
      stopWatching();
      offStock();
      offBigWin();
      if (hub.state.get() === "connected") void hub.invoke("UnwatchWheel", wheelId).catch(() => undefined);
    };
  }, [wheelId]);

  /** Rotates the disc so the centre of `index` stops under the pointer; resolves when it has. */
  const animateTo = (index: number, count: number) =>
    new Promise<number>((resolve) => {
      const disc = discRef.current;
      const reduced = prefersReducedMotion();
      const duration = reduced ? reducedSpinMs : fullSpinMs;
      const target = landingRotation(rotationRef.current, index, count, reduced ? 1 : 5);
      rotationRef.current = target;
      if (!disc) return resolve(target);
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        disc.removeEventListener("transitionend", onEnd);
        resolve(target);
      };
      const onEnd = (e: TransitionEvent) => {
        if (e.target === disc && e.propertyName === "transform") finish();
      };
      disc.addEventListener("transitionend", onEnd);
      disc.style.transition = `transform ${duration}ms cubic-bezier(0.15, 0.6, 0.2, 1)`;
      void disc.getBoundingClientRect(); // the transition starts from the current angle
      disc.style.transform = `rotate(${target}deg)`;
      setTimeout(finish, duration + 400);
    });

  const spin = async () => {
    if (!odds || spinning) return;
    const spinId = pendingSpinId ?? newSpinId();
    setPendingSpinId(spinId);
    setSpinning(true);
    setSpinError(null);
    setResult(null);
    setLanded(null);
    let answer: SpinResult | null = null;
    for (let attempt = 0; answer === null; attempt++) {
      try {
        answer = await api<SpinResult>("POST", `/api/wheels/${encodeURIComponent(wheelId)}/spins`, { spinId });
      } catch (e) {
        const error = e instanceof ApiError ? e : new ApiError(0, "network");
        // Network failures and unfinished spins are retried with the same id: the server answers the first result.
        const retryable = error.status === 0 || error.code === "spin_pending" || error.status >= 500;
        if (retryable && attempt < retryDelaysMs.length) {
          await sleep(retryDelaysMs[attempt]);
          continue;
        }
        if (!retryable) setPendingSpinId(null);
        setSpinError(wheelErrorText(error.code));
        setSpinning(false);
        await refresh().catch(() => undefined);
        return;
      }
    }
    setPendingSpinId(null);
    if (answer.status === "completed") {
      const byId = odds.segments.findIndex((s) => s.segmentId === answer.segmentId);
      const index = byId >= 0 ? byId : answer.segmentIndex;
      const final = await animateTo(index, odds.segments.length);
      setRotation(final);
      setLanded(answer.segmentId);
      setLandedCount((n) => n + 1);
    }
    // The balances and allowance first, so the announced result already shows the prize in the wallet.
    await refresh().catch(() => undefined);
    setResult(answer);
    setSpinning(false);
    setHistoryVersion((v) => v + 1);
  };

  if (loadError) return <section class="wheel-page"><h1>{t("wheel.title")}</h1><Alert message={loadError} /></section>;
  if (!player || !odds) return <section class="wheel-page"><h1>{t("wheel.title")}</h1><p role="status">{t("common.loading")}</p></section>;

  const tokens = balances.spins ?? 0;
  const blocked = blockedReason(player, odds, tokens);
  const nextIsFree = player.freeSpinsLeft > 0;
  const discLabel = t("wheel.discLabel", { name: odds.name, segments: odds.segments.map((s) => s.label).join(", ") });

  return (
    <section class="wheel-page" data-live={watching ? "true" : "false"}>
      <h1>{odds.name}</h1>
      <div class="wheel-layout">
        <div class="wheel-play">
          <WheelDisc segments={odds.segments} label={discLabel} discRef={discRef} rotation={rotation} landed={landed} landedCount={landedCount} />
          <div class="wheel-allowance card" data-testid="wheel-allowance">
            <p>{nextIsFree ? t("wheel.allowance.nextFree") : t("wheel.allowance.nextCost", { cost: odds.costPerSpin })}</p>
            <ul>
              <li data-testid="wheel-free-left">{t("wheel.allowance.freeLeft", { count: player.freeSpinsLeft, perDay: odds.freeSpinsPerDay })}</li>
              <li data-testid="wheel-today-left">{t("wheel.allowance.todayLeft", { count: player.spinsLeftToday, cap: odds.dailyCap })}</li>
              <li data-testid="wheel-tokens">{t("wheel.allowance.tokens", { count: tokens })}</li>
            </ul>
          </div>
          <button type="button" class="primary big" data-testid="wheel-spin" disabled={spinning || (blocked !== null && !pendingSpinId)} onClick={() => void spin()}>
            {spinning ? t("wheel.spinning") : pendingSpinId ? t("wheel.retry") : t("wheel.spin")}
          </button>
          {blocked && !spinning && !spinError && <p class="wheel-blocked" data-testid="wheel-blocked">{wheelErrorText(blocked)}</p>}
          <Alert message={spinError} />
          <div class="wheel-result" role="status" aria-live="polite" data-testid="wheel-result">
            {result && result.status === "completed" && (
              <>
                <p class="wheel-won">{resultText(result)}</p>
                <p data-testid="wheel-balance">{t("wheel.result.balance", { points: balances.points ?? 0, spins: tokens })}</p>
              </>
            )}
            {result && result.status === "refunded" && <p>{t("wheel.result.refunded")}</p>}
          </div>
        </div>
        <div class="wheel-side">
          <h2 id="wheel-odds-title">{t("wheel.odds.title")}</h2>
          <p class="hint">{t("wheel.odds.hint")}</p>
          <table class="wheel-odds" data-testid="wheel-odds" aria-labelledby="wheel-odds-title">
            <thead>
              <tr>
                <th scope="col">{t("wheel.odds.segment")}</th>
                <th scope="col">{t("wheel.odds.prize")}</th>
                <th scope="col" class="num">{t("wheel.odds.chance")}</th>
                <th scope="col" class="num">{t("wheel.odds.left")}</th>
              </tr>
            </thead>
            <tbody>
              {odds.segments.map((s) => (
                <tr key={s.segmentId} data-segment-id={s.segmentId} class={s.effectiveWeight === 0 ? "out" : undefined}>
                  <th scope="row"><span class="swatch" aria-hidden="true" ref={(el) => { el?.style.setProperty("background", s.colour); }} />{s.label}</th>
                  <td>{prizeText(s.prize)}</td>
                  <td class="num" data-testid={`odds-${s.segmentId}`} data-probability={s.probability}>
                    {percentText(s.probability)}
                    <span class="exact">{t("wheel.odds.exact", { weight: s.effectiveWeight, total: odds.totalWeight })}</span>
                  </td>
                  <td class="num">{s.remaining === null ? t("wheel.odds.unlimited") : s.effectiveWeight === 0 ? t("wheel.odds.gone") : formatNumber(s.remaining)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t("wheel.bigWins.title")}</h2>
          <div role="log" aria-live="polite" data-testid="wheel-big-wins">
            {bigWins.length === 0 ? <p class="hint">{t("wheel.bigWins.none")}</p> : (
              <ul class="wheel-ticker">
                {bigWins.map((w) => <li key={w.sequence}>{t("wheel.bigWins.item", { label: w.label, when: formatDateTime(w.at) })}</li>)}
              </ul>
            )}
          </div>
        </div>
      </div>
      <FairnessPanel fairness={player.fairness} version={historyVersion} onChanged={() => void refresh().catch(() => undefined)} />
    </section>
  );
}
